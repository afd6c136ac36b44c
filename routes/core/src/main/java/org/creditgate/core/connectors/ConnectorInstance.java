package org.creditgate.core.connectors;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayConnector;

/** One bound connector: the service, its routes in the gateway's CamelContext, its state and its counters. */
public final class ConnectorInstance {

    private final GatewayConnector connector;
    private final java.time.Instant boundAt = java.time.Instant.now();
    private final ConnectorMetrics metrics = new ConnectorMetrics();
    private volatile List<String> routeIds = List.of();
    private volatile ConnectorState state = ConnectorState.FAILED;
    private volatile String problem;
    private volatile java.time.Instant runningSince = boundAt;

    ConnectorInstance(GatewayConnector connector) {
        this.connector = connector;
    }

    public ConnectorDescriptor descriptor() {
        return connector.descriptor();
    }

    GatewayConnector connector() {
        return connector;
    }

    /** The connector as {@code type} when it offers that capability (e.g. {@code UpstreamHoldings.Source}). */
    public <T> java.util.Optional<T> capability(Class<T> type) {
        return type.isInstance(connector) ? java.util.Optional.of(type.cast(connector)) : java.util.Optional.empty();
    }

    public ConnectorMetrics metrics() {
        return metrics;
    }

    public ConnectorState state() {
        return state;
    }

    public String problem() {
        return problem;
    }

    public List<String> routeIds() {
        return routeIds;
    }

    void running(List<String> routes, boolean started) {
        this.routeIds = List.copyOf(routes);
        this.state = started ? ConnectorState.RUNNING : ConnectorState.PAUSED;
        this.problem = null;
        this.runningSince = java.time.Instant.now();
    }

    void state(ConnectorState state) {
        if (state == ConnectorState.RUNNING) {
            this.runningSince = java.time.Instant.now();
        }
        this.state = state;
    }

    /** When its routes last (re)started: progress health expects progress from then on. */
    public java.time.Instant runningSince() {
        return runningSince;
    }

    void failed(String why) {
        this.routeIds = List.of();
        this.state = ConnectorState.FAILED;
        this.problem = why;
    }

    /** JSON-ready view for the API and the shell. */
    public Map<String, Object> view(Clock clock, String watermark) {
        ConnectorDescriptor d = descriptor();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("type", d.type());
        m.put("kind", d.kind());
        m.put("department", d.department());
        m.put("version", d.version());
        m.put("pid", d.pid());
        m.put("state", state);
        // changes only when the instance is re-created: lets operators (and tests) see that a neighbour's
        // redeploy did not restart this one
        m.put("boundAt", boundAt.toString());
        m.put("problem", problem);
        m.put("routes", routeIds);
        m.put("watermark", watermark);
        m.put("metrics", metrics.view(clock.instant()));
        return m;
    }
}
