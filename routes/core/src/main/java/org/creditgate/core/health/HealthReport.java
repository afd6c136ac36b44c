package org.creditgate.core.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** Overall health: UP only when every component is UP. */
public record HealthReport(ComponentHealth.State status, List<ComponentHealth> components) {

    public static HealthReport of(List<ComponentHealth> components) {
        boolean up = !components.isEmpty() && components.stream().allMatch(ComponentHealth::isUp);
        return new HealthReport(up ? ComponentHealth.State.UP : ComponentHealth.State.DOWN, List.copyOf(components));
    }

    @JsonIgnore
    public boolean isUp() {
        return status == ComponentHealth.State.UP;
    }
}
