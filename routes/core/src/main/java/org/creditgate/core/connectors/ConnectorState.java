package org.creditgate.core.connectors;

/** Lifecycle of a connector instance in the registry. */
public enum ConnectorState {
    /** Routes added and started. */
    RUNNING,
    /** Routes added but stopped by an operator (or autoStartup=false); nothing is read from the source. */
    PAUSED,
    /** Not running: a configuration problem, a route id without the connector's prefix, or routes that failed to start. */
    FAILED
}
