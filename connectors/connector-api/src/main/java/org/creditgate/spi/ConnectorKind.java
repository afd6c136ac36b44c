package org.creditgate.spi;

/** Direction of a connector, after Kamelets' source / sink / action. */
public enum ConnectorKind {
    /** Brings records from a department system into the gateway. */
    SOURCE,
    /** Delivers records from the gateway to an upstream platform. */
    SINK,
    /** Acts on records inside the gateway (enrichment, notifications). */
    ACTION
}
