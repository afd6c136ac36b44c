package org.creditgate.core.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Overall health: UP when every component is UP; DEGRADED when only connectors or upstreams are DOWN or DEGRADED, or a
 * part of the gateway itself is DEGRADED (e.g. the broker's disk filling up) — the gateway still serves, so it stays
 * ready; DOWN when a part of the gateway itself is DOWN.
 */
public record HealthReport(ComponentHealth.State status, List<ComponentHealth> components) {

    /** Components named so are one department's connector; their failure is theirs alone. */
    public static final String CONNECTOR_PREFIX = "connector:";
    /** Components named so are one upstream platform's delivery; likewise theirs alone. */
    public static final String UPSTREAM_PREFIX = "upstream:";

    public static HealthReport of(List<ComponentHealth> components) {
        boolean coreDown = components.isEmpty() || components.stream()
                .anyMatch(c -> c.state() == ComponentHealth.State.DOWN && !external(c));
        boolean connectorDown = components.stream().anyMatch(c -> !c.isUp());
        ComponentHealth.State status = coreDown ? ComponentHealth.State.DOWN
                : connectorDown ? ComponentHealth.State.DEGRADED : ComponentHealth.State.UP;
        return new HealthReport(status, List.copyOf(components));
    }

    private static boolean external(ComponentHealth c) {
        return c.component().startsWith(CONNECTOR_PREFIX) || c.component().startsWith(UPSTREAM_PREFIX);
    }

    /** Ready to take records: UP or DEGRADED. */
    @JsonIgnore
    public boolean isReady() {
        return status != ComponentHealth.State.DOWN;
    }

    @JsonIgnore
    public boolean isUp() {
        return status == ComponentHealth.State.UP;
    }
}
