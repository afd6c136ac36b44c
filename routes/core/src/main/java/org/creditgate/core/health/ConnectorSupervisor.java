package org.creditgate.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.alert.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a stalled connector's routes, with exponential backoff per connector: the first restart at once, the
 * next after {@code initialBackoff}, doubling up to {@code maxBackoff}; a connector seen healthy again starts over.
 *
 * <p>Our own supervisor over the connector registry, not Camel's SupervisingRouteController: that one only retries
 * routes that fail to <em>start</em>; a poll blocked on a source that never answers is a started route, and it is
 * progress health, not Camel, that knows it stalled. Restarting all of a connector's routes together also keeps its
 * lanes and its sink in step, which a per-route controller would not.
 */
public final class ConnectorSupervisor {

    /** Restarts one connector's routes. */
    public interface Restarter {
        void restart(String connectorId) throws Exception;
    }

    /** What the supervisor did for one connector, for the health detail and the metrics. */
    public record Attempts(int restarts, Instant lastRestart, Instant nextAllowed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSupervisor.class);

    private final Restarter restarter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private volatile AlertSink alerts = AlertSink.logOnly();
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final Map<String, Long> totalRestarts = new ConcurrentHashMap<>();

    public ConnectorSupervisor(Restarter restarter, Duration initialBackoff, Duration maxBackoff, Clock clock) {
        this.restarter = restarter;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** Where its alerts go (the gateway's {@link org.creditgate.core.alert.Alerts}); by default only the WARN line. */
    public ConnectorSupervisor alertsTo(AlertSink sink) {
        this.alerts = sink;
        return this;
    }

    /** Told each connector's verdict on every health check; restarts a stalled one when its backoff allows. */
    public void observe(String connectorId, boolean stalled, String reason) {
        if (!stalled) {
            attempts.remove(connectorId);
            return;
        }
        Instant now = clock.instant();
        Attempts a = attempts.get(connectorId);
        if (a != null && now.isBefore(a.nextAllowed())) {
            return;
        }
        int n = a == null ? 1 : a.restarts() + 1;
        Attempts next = new Attempts(n, now, now.plus(backoff(n)));
        attempts.put(connectorId, next);
        totalRestarts.merge(connectorId, 1L, Long::sum);
        alerts.raise(Alert.of("stall:" + connectorId + ":" + now.toEpochMilli(), Alert.AlertClass.STALL,
                Alert.Severity.CRITICAL, HealthReport.CONNECTOR_PREFIX + connectorId, null, "Connector " + connectorId
                        + " stalled (" + reason + "); restart " + n + " now, next not before " + next.nextAllowed(),
                now));
        try {
            restarter.restart(connectorId);
        } catch (Exception e) {
            LOG.warn("Connector {}: restart {} failed: {}", connectorId, n, e.toString());
        }
    }

    /** Wait after the {@code n}-th restart in a row before the next one. */
    Duration backoff(int n) {
        Duration d = initialBackoff;
        for (int i = 1; i < n && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** The current run of restarts of a connector (empty once it is healthy again). */
    public Optional<Attempts> attempts(String connectorId) {
        return Optional.ofNullable(attempts.get(connectorId));
    }

    /** Restarts of a connector since the core started. */
    public long totalRestarts(String connectorId) {
        return totalRestarts.getOrDefault(connectorId, 0L);
    }
}
