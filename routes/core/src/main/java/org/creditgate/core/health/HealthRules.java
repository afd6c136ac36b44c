package org.creditgate.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.creditgate.core.health.ComponentHealth.State;

/**
 * Progress health: UP / DEGRADED / DOWN from what a connector or an upstream actually moved, never from thread
 * state. Pure: signals and a time in, a verdict with its reason out.
 */
public final class HealthRules {

    /** A connector's verdict; {@code stalled} asks the supervisor for a restart. */
    public record Verdict(ComponentHealth health, boolean stalled) {
    }

    /** {@link UpstreamSignals#heldBy()} of an upstream whose sink an operator paused (its real-time lane too). */
    public static final String PAUSED = "paused by an operator";
    /** {@link UpstreamSignals#heldBy()} of an upstream outside its push window (its real-time lane still runs). */
    public static final String WINDOW_CLOSED = "push window closed";

    private final HealthThresholds limits;

    public HealthRules(HealthThresholds limits) {
        this.limits = limits;
    }

    public Verdict connector(ConnectorSignals s, Instant now) {
        String name = HealthReport.CONNECTOR_PREFIX + s.id();
        switch (s.state()) {
            case FAILED:
                return new Verdict(ComponentHealth.down(name, s.problem()), false);
            case PAUSED:
                return new Verdict(ComponentHealth.up(name, "paused by an operator"), false);
            default:
                break;
        }
        if (s.oldestInFlight() != null) {
            Duration running = Duration.between(s.oldestInFlight(), now);
            Instant progressSince = latest(s.lastProgress(), s.oldestInFlight());
            if (running.compareTo(limits.stallAfter()) >= 0
                    && Duration.between(progressSince, now).compareTo(limits.stallAfter()) >= 0) {
                return new Verdict(ComponentHealth.down(name, "stalled: a run has been in flight for "
                        + text(running) + " without progress (source or upstream not answering?)"
                        + since(s.lastProgress(), now)), true);
            }
        }
        if (s.scheduledEvery() != null && s.oldestInFlight() == null) {
            // a polling source's schedule starts runs by itself: none for two periods past the stall limit means its
            // timer or scheduler thread is gone, which only a restart brings back
            Duration idle = Duration.between(latest(s.lastStart(), s.runningSince()), now);
            if (idle.compareTo(limits.stallAfter().plus(s.scheduledEvery().multipliedBy(2))) > 0) {
                return new Verdict(ComponentHealth.down(name, "stalled: no run for " + text(idle)
                        + " although it polls every " + text(s.scheduledEvery())), true);
            }
        }
        if (s.lastFailure() != null && (s.lastProgress() == null || s.lastFailure().isAfter(s.lastProgress()))) {
            Duration failing = Duration.between(latest(s.lastProgress(), s.runningSince()), now);
            String error = s.lastError() == null ? "no error text" : s.lastError();
            return failing.compareTo(limits.failingAfter()) >= 0
                    ? new Verdict(ComponentHealth.down(name, "every run failed for " + text(failing) + ": " + error),
                            false)
                    : new Verdict(new ComponentHealth(name, State.DEGRADED, "last run failed: " + error), false);
        }
        return new Verdict(ComponentHealth.up(name, s.lastProgress() == null ? "running, nothing moved yet"
                : "last progress " + text(Duration.between(s.lastProgress(), now)) + " ago"), false);
    }

    public ComponentHealth upstream(UpstreamSignals s, Instant now) {
        String name = HealthReport.UPSTREAM_PREFIX + s.upstream();
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        boolean paused = PAUSED.equals(s.heldBy());
        if (s.heldBy() == null) {
            age("queue", s.queued(), s.oldestQueued(), now, down, degraded);
        }
        if (!paused) {
            age("real-time queue", s.realtimeQueued(), s.oldestRealtime(), now, down, degraded);
        }
        if (s.awaitingReceipt() > 0 && s.awaitingSince() != null
                && Duration.between(s.awaitingSince(), now).compareTo(limits.receiptOverdue()) >= 0) {
            degraded.add(s.awaitingReceipt() + " deliveries await a receipt; none arrived for "
                    + text(Duration.between(s.awaitingSince(), now)));
        }
        if (s.dlqGrowth() > 0) {
            degraded.add(s.dlqGrowth() + " new dead letters within " + text(limits.dlqWindow()) + " (" + s.dlqDepth()
                    + " on the DLQ)");
        }
        if (!down.isEmpty()) {
            down.addAll(degraded);
            return ComponentHealth.down(name, String.join("; ", down));
        }
        if (!degraded.isEmpty()) {
            return new ComponentHealth(name, State.DEGRADED, String.join("; ", degraded));
        }
        String detail = (s.heldBy() != null ? s.heldBy() + ", " + s.queued() + " waiting for it"
                : s.queued() + " queued") + ", " + s.dlqDepth() + " dead letters";
        return ComponentHealth.up(name, detail);
    }

    private void age(String queue, long depth, Instant oldest, Instant now, List<String> down, List<String> degraded) {
        if (depth == 0 || oldest == null) {
            return;
        }
        Duration waited = Duration.between(oldest, now);
        String why = "oldest of " + depth + " messages on its " + queue + " has waited " + text(waited);
        if (waited.compareTo(limits.queueAgeDown()) >= 0) {
            down.add(why);
        } else if (waited.compareTo(limits.queueAgeDegraded()) >= 0) {
            degraded.add(why);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String since(Instant lastProgress, Instant now) {
        return lastProgress == null ? "; no progress since it started"
                : "; last progress " + text(Duration.between(lastProgress, now)) + " ago";
    }

    /** 45 s, 12 m, 3 h: what an operator reads at a glance. */
    static String text(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        return s < 7200 ? s / 60 + " m" : s / 3600 + " h";
    }
}
