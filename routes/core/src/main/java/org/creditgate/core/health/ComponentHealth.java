package org.creditgate.core.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Health of one part of the gateway, with the reason when it is not UP. */
public record ComponentHealth(String component, State state, String detail) {

    /** DEGRADED is only ever an overall state (some connectors DOWN, the gateway itself UP). */
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
