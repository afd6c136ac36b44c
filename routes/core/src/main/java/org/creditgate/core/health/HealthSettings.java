package org.creditgate.core.health;

import java.time.Clock;
import java.time.Duration;

import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.runtime.CoreConfig;

/** The {@code health.*} keys of {@link CoreConfig}, checked at activation like the rest of CoreSettings. */
public final class HealthSettings {

    private HealthSettings() {
    }

    public static Duration checkEvery(CoreConfig c) {
        return ms("health.checkMs", c.health_checkMs(), 1000);
    }

    public static HealthThresholds thresholds(CoreConfig c) {
        return new HealthThresholds(ms("health.stallAfterMs", c.health_stallAfterMs(), 1000),
                ms("health.failingAfterMs", c.health_failingAfterMs(), 1000),
                ms("health.queueAgeDegradedMs", c.health_queueAgeDegradedMs(), 1000),
                ms("health.queueAgeDownMs", c.health_queueAgeDownMs(), 1000),
                ms("health.receiptOverdueMs", c.health_receiptOverdueMs(), 1000),
                ms("health.dlqWindowMs", c.health_dlqWindowMs(), 1000));
    }

    public static ConnectorSupervisor supervisor(CoreConfig c, ConnectorRegistry connectors, Clock clock) {
        Duration initial = ms("health.restart.initialBackoffMs", c.health_restart_initialBackoffMs(), 1000);
        Duration max = ms("health.restart.maxBackoffMs", c.health_restart_maxBackoffMs(), initial.toMillis());
        Duration grace = ms("health.restart.graceMs", c.health_restart_graceMs(), 0);
        return new ConnectorSupervisor(id -> connectors.restart(id, grace), initial, max, clock);
    }

    private static Duration ms(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(CoreConfig.PID + ": " + key + " must be at least " + min + ", got "
                    + value);
        }
        return Duration.ofMillis(value);
    }
}
