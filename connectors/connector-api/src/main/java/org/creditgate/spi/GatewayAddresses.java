package org.creditgate.spi;

/** Names of the broker addresses connectors and the core meet at; built here, never spelled in routes. */
public final class GatewayAddresses {

    /** Prefix of the durable per-upstream delivery queues: {@code creditgate.upstream.<upstream id>}. */
    public static final String UPSTREAM_PREFIX = "creditgate.upstream.";

    private GatewayAddresses() {
    }

    /** The delivery queue of one upstream platform. */
    public static String upstream(String upstreamId) {
        return UPSTREAM_PREFIX + upstreamId;
    }
}
