package org.creditgate.core.alert;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.creditgate.core.alert.Alert.AlertClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's alerts: each one raised is logged at WARN ({@code ALERT …}, as before alerts were events), kept among
 * the last {@code keep} for GET /api/v1/alerts, and published on {@code creditgate.alerts} for the webhook and the
 * console. An alert already kept (same alertId) is ignored: raising it again is not a new event.
 *
 * <p>Publishing runs on its own thread, so a watch or the health check never waits on the broker; an alert the
 * broker did not take stays pending and is tried again every {@code retryEvery} (and after the next alert), oldest
 * first — the broker's duplicate detection makes a retry after a lost confirmation harmless.
 */
public final class Alerts implements AlertSink, AutoCloseable {

    /** Puts one alert on the alerts address. */
    @FunctionalInterface
    public interface Publisher {
        void publish(Alert alert) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    /** Alerts waiting for the broker beyond this many: the oldest is dropped from the queue (it stays listed). */
    private static final int MAX_PENDING = 10_000;

    private final Publisher publisher;
    private final int keep;
    private final Map<String, Alert> kept;
    private final Deque<Alert> pending = new ArrayDeque<>();
    private final ScheduledExecutorService sender;
    private boolean failing;

    public Alerts(Publisher publisher, int keep, Duration retryEvery) {
        if (keep < 1) {
            throw new IllegalArgumentException("alerts kept must be at least 1, got " + keep);
        }
        this.publisher = publisher;
        this.keep = keep;
        this.kept = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Alert> eldest) {
                return size() > Alerts.this.keep;
            }
        };
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "creditgate-alerts"));
        sender.scheduleWithFixedDelay(this::flush, retryEvery.toMillis(), retryEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void raise(Alert alert) {
        synchronized (this) {
            if (kept.containsKey(alert.alertId())) {
                return;
            }
            kept.put(alert.alertId(), alert);
            if (pending.size() >= MAX_PENDING) {
                Alert dropped = pending.removeFirst();
                LOG.warn("Alert {} dropped from the publish queue ({} alerts wait for the broker)", dropped.alertId(),
                        MAX_PENDING);
            }
            pending.addLast(alert);
        }
        LOG.warn("{}", alert.logLine());
        try {
            sender.execute(this::flush);
        } catch (RejectedExecutionException e) {
            LOG.debug("Alert {} raised while the alerts are closing: logged and listed only", alert.alertId());
        }
    }

    /** The kept alerts, newest first; {@code alertClass} null: every class. */
    public synchronized List<Alert> recent(AlertClass alertClass, int limit) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : kept.values()) {
            if (alertClass == null || a.alertClass() == alertClass) {
                out.add(a);
            }
        }
        java.util.Collections.reverse(out);
        return out.size() > limit ? List.copyOf(out.subList(0, Math.max(0, limit))) : out;
    }

    /** Alerts raised but not yet taken by the broker. */
    public synchronized int pending() {
        return pending.size();
    }

    private void flush() {
        while (true) {
            Alert next;
            synchronized (this) {
                next = pending.peekFirst();
            }
            if (next == null) {
                return;
            }
            try {
                publisher.publish(next);
            } catch (Exception e) {
                if (!failing) {
                    LOG.warn("Alerts cannot be published to the broker ({}); kept and tried again", e.toString());
                }
                failing = true;
                return;
            }
            if (failing) {
                LOG.info("Alerts are published to the broker again");
                failing = false;
            }
            synchronized (this) {
                pending.remove(next);
            }
        }
    }

    /** Stops publishing; what is already queued gets a moment to reach the broker (a reload must not drop it). */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (!pending.isEmpty()) {
                LOG.warn("{} alert(s) not published to the broker before the core stopped (they were logged)",
                        pending.size());
            }
        }
    }
}
