package org.creditgate.core.alert;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alert.Severity;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.health.ComponentHealth.State;
import org.creditgate.core.health.HealthReport;
import org.creditgate.core.health.ProgressMonitor.Snapshot;
import org.creditgate.core.health.UpstreamSignals;

/**
 * Alerts read off each progress-health snapshot: a connector or upstream going DOWN (HEALTH, with the reason) and
 * coming back UP (HEALTH, INFO), and dead letters added on an upstream's DLQ (DLQ). Transitions, not states: a
 * component DOWN for an hour is one alert. What this node saw first counts as the starting point, so a restart of the
 * core does not alert again for letters already on a DLQ.
 */
public final class HealthAlerts implements Consumer<Snapshot> {

    private final AlertSink sink;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Long> dlqSeen = new HashMap<>();

    public HealthAlerts(AlertSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void accept(Snapshot snapshot) {
        for (ComponentHealth c : snapshot.components()) {
            State before = states.put(c.component(), c.state());
            if (c.state() == State.DOWN && before != State.DOWN) {
                sink.raise(Alert.of("health:" + c.component() + ":down:" + snapshot.at().toEpochMilli(),
                        AlertClass.HEALTH, Severity.CRITICAL, c.component(), null,
                        c.component() + " is DOWN: " + c.detail(), snapshot.at()));
            } else if (c.state() == State.UP && before == State.DOWN) {
                sink.raise(Alert.of("health:" + c.component() + ":up:" + snapshot.at().toEpochMilli(),
                        AlertClass.HEALTH, Severity.INFO, c.component(), null,
                        c.component() + " is UP again: " + c.detail(), snapshot.at()));
            }
        }
        for (UpstreamSignals u : snapshot.upstreams().values()) {
            long seen = dlqSeen.getOrDefault(u.upstream(), Math.max(0, u.dlqDepth() - u.dlqGrowth()));
            if (u.dlqDepth() > seen) {
                String component = HealthReport.UPSTREAM_PREFIX + u.upstream();
                sink.raise(Alert.of("dlq:" + u.upstream() + ":" + snapshot.at().toEpochMilli(), AlertClass.DLQ,
                        Severity.WARNING, component, null, "dead letters on " + u.upstream() + ": "
                                + (u.dlqDepth() - seen) + " added, " + u.dlqDepth()
                                + " waiting (GET /api/v1/dlq/" + u.upstream() + ")", snapshot.at()));
            }
            dlqSeen.put(u.upstream(), u.dlqDepth());
        }
    }
}
