package org.creditgate.core.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Health of one part of the gateway, with the reason when it is not UP. */
public record ComponentHealth(String component, State state, String detail) {

    /**
     * DEGRADED: overall, some connectors or upstreams are not UP while the gateway itself is; for one connector or
     * upstream, it still moves but something needs a look (a failed poll, overdue receipts, DLQ growth).
     */
    public enum State { UP, DEGRADED, DOWN }

    public static ComponentHealth up(String component, String detail) {
        return new ComponentHealth(component, State.UP, detail);
    }

    public static ComponentHealth down(String component, String reason) {
        return new ComponentHealth(component, State.DOWN, reason);
    }

    @JsonIgnore
    public boolean isUp() {
        return state == State.UP;
    }
}
