package org.creditgate.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.connectors.ConnectorState;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.schedule.PushWindows;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.GatewayAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates progress health of every connector and upstream every {@code checkEvery} on its own thread, hands stalled
 * connectors to the {@link ConnectorSupervisor}, and keeps the result (with the queue, DLQ, shield and deadline
 * figures it read) as one snapshot for the health API and the metrics — so neither a health request nor a scrape
 * browses queues or scans the ledger itself (connectors, whose signals are in memory, are judged on each request).
 */
public final class ProgressMonitor implements AutoCloseable {

    /** What the last check saw. */
    public record Snapshot(Instant at, List<ComponentHealth> components, Map<String, UpstreamSignals> upstreams,
            Map<String, Long> shieldsPendingAck, Map<String, Long> deadlineAtRisk, Map<String, Long> deadlineOverdue) {
        static final Snapshot NONE = new Snapshot(null, List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProgressMonitor.class);
    private static final int MAX_OPEN_SHIELDS = 100_000;
    /** The deadline report parses every recent record: once a minute is plenty for a figure counted in days. */
    private static final Duration DEADLINE_EVERY = Duration.ofMinutes(1);

    private final ConnectorRegistry registry;
    private final RouteActivity activity;
    private final QueueProbe queues;
    private final Ledger ledger;
    private final Supplier<DeadlineWatch.Report> deadlines;
    private final PushWindows windows;
    private final HealthRules rules;
    private final HealthThresholds limits;
    private final ConnectorSupervisor supervisor;
    private final Function<String, Optional<Duration>> schedules;
    private final Clock clock;
    private final Map<String, Deque<long[]>> dlqSamples = new ConcurrentHashMap<>();
    private volatile Snapshot last = Snapshot.NONE;
    private volatile Instant deadlinesAt;
    private volatile Map<String, Long> atRisk = Map.of();
    private volatile Map<String, Long> overdue = Map.of();
    private ScheduledExecutorService timer;
    private volatile Consumer<Snapshot> onCheck = s -> { };

    public ProgressMonitor(ConnectorRegistry registry, RouteActivity activity, QueueProbe queues, Ledger ledger,
            Supplier<DeadlineWatch.Report> deadlines, PushWindows windows, HealthThresholds limits,
            ConnectorSupervisor supervisor, Function<String, Optional<Duration>> schedules, Clock clock) {
        this.registry = registry;
        this.activity = activity;
        this.queues = queues;
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.windows = windows;
        this.rules = new HealthRules(limits);
        this.limits = limits;
        this.supervisor = supervisor;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** Told every snapshot once it is taken, on the check thread (the alerts derived from health). */
    public ProgressMonitor onCheck(Consumer<Snapshot> observer) {
        this.onCheck = observer;
        return this;
    }

    public void start(Duration checkEvery) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "creditgate-progress-health"));
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Health of every connector, judged now (cheap: no I/O, so a state change shows at once), and of every upstream
     * as of the last check (its queues are browsed by the check, not by each request).
     */
    public List<ComponentHealth> health() {
        Instant now = clock.instant();
        List<ComponentHealth> out = new ArrayList<>();
        for (ConnectorInstance i : registry.list()) {
            out.add(withRestarts(i.descriptor().id(), rules.connector(signals(i), now).health()));
        }
        last.components().stream().filter(c -> c.component().startsWith(HealthReport.UPSTREAM_PREFIX))
                .forEach(out::add);
        return out;
    }

    /** Empty while the checks run; else why this process is not sane (the check thread stopped checking). */
    public Optional<String> liveness(Duration checkEvery) {
        Instant at = last.at();
        Duration allowed = checkEvery.multipliedBy(6).compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30)
                : checkEvery.multipliedBy(6);
        if (at != null && Duration.between(at, clock.instant()).compareTo(allowed) > 0) {
            return Optional.of("progress health has not checked for " + HealthRules.text(Duration.between(at,
                    clock.instant())) + " (thread stuck or dead)");
        }
        return Optional.empty();
    }

    public Snapshot snapshot() {
        return last;
    }

    public ConnectorSupervisor supervisor() {
        return supervisor;
    }

    public RouteActivity activity() {
        return activity;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the next check retries; a broken check must not end the schedule
            LOG.warn("Progress health check failed: {}", e.toString());
        }
    }

    /** One check: every connector's and upstream's verdict; stalled connectors go to the supervisor. */
    public Snapshot check() {
        Instant now = clock.instant();
        List<ComponentHealth> out = new ArrayList<>();
        Map<String, ConnectorInstance> sinks = new TreeMap<>();
        for (ConnectorInstance i : registry.list()) {
            HealthRules.Verdict v = rules.connector(signals(i), now);
            out.add(withRestarts(i.descriptor().id(), v.health()));
            // Only sources are restarted. A sink "stalled" on an unreachable upstream is retrying inside its
            // transacted lane; stopping that route interrupted the retry, the rollback failed and the message stayed
            // held by a dead session, never redelivered (a shield lost in ShieldPropagationIT). Its call ends by its
            // own timeout; health still reports it DOWN with the reason.
            supervisor.observe(i.descriptor().id(), v.stalled() && i.state() == ConnectorState.RUNNING
                    && i.descriptor().kind() != ConnectorKind.SINK, v.health().detail());
            if (i.descriptor().kind() == ConnectorKind.SINK && i.state() != ConnectorState.FAILED) {
                sinks.putIfAbsent(i.descriptor().department(), i);
            }
        }
        Map<String, String> closed = closedWindows();
        Map<String, UpstreamSignals> upstreams = new LinkedHashMap<>();
        for (Map.Entry<String, ConnectorInstance> e : sinks.entrySet()) {
            String held = e.getValue().state() == ConnectorState.PAUSED ? HealthRules.PAUSED : closed.get(e.getKey());
            UpstreamSignals s = upstream(e.getKey(), e.getValue(), held, now);
            upstreams.put(e.getKey(), s);
            out.add(rules.upstream(s, now));
        }
        refreshDeadlines(now);
        last = new Snapshot(now, List.copyOf(out), Map.copyOf(upstreams), shieldsPending(), atRisk, overdue);
        onCheck.accept(last);
        return last;
    }

    ConnectorSignals signals(ConnectorInstance i) {
        Instant progress = i.metrics().lastSuccess().orElse(null);
        Instant failure = null;
        String error = null;
        Instant started = null;
        Duration every = null;
        for (String route : i.routeIds()) {
            Duration period = schedules.apply(route).orElse(null);
            if (period != null && (every == null || period.compareTo(every) < 0)) {
                every = period;
            }
            Optional<RouteActivity.Stats> s = activity.stats(route);
            if (s.isEmpty()) {
                continue;
            }
            progress = latest(progress, s.get().lastSuccess().orElse(null));
            started = latest(started, s.get().lastStart().orElse(null));
            Instant f = s.get().lastFailure().orElse(null);
            if (f != null && (failure == null || f.isAfter(failure))) {
                failure = f;
                error = s.get().lastError().orElse(null);
            }
        }
        return new ConnectorSignals(i.descriptor().id(), i.state(), i.problem(), i.runningSince(),
                activity.oldestInFlight(i.routeIds()).orElse(null), progress, failure, error, started, every);
    }

    private ComponentHealth withRestarts(String id, ComponentHealth h) {
        return supervisor.attempts(id).map(a -> new ComponentHealth(h.component(), h.state(), h.detail()
                + " (supervisor: restart " + a.restarts() + " at " + a.lastRestart() + ", next not before "
                + a.nextAllowed() + ")")).orElse(h);
    }

    private UpstreamSignals upstream(String upstream, ConnectorInstance sink, String held, Instant now) {
        QueueProbe.Depth scheduled = probe(GatewayAddresses.upstream(upstream));
        QueueProbe.Depth realtime = probe(GatewayAddresses.realtime(upstream));
        QueueProbe.Depth dlq = probe(GatewayAddresses.deadLetters(upstream));
        long growth = dlqGrowth(upstream, dlq.messages(), now);
        return new UpstreamSignals(upstream, held, scheduled.messages(), scheduled.oldest(), realtime.messages(),
                realtime.oldest(), dlq.messages(), growth, sink.metrics().awaitingReceipt(),
                sink.metrics().awaitingSince().orElse(null));
    }

    private QueueProbe.Depth probe(String queue) {
        try {
            return queues.depth(queue);
        } catch (Exception e) {
            LOG.debug("Queue {} not readable for health: {}", queue, e.toString());
            return QueueProbe.Depth.EMPTY;
        }
    }

    /** Letters added within the DLQ window: the depth now minus the lowest depth seen within it. */
    private long dlqGrowth(String upstream, long depth, Instant now) {
        Deque<long[]> samples = dlqSamples.computeIfAbsent(upstream, u -> new ArrayDeque<>());
        long from = now.minus(limits.dlqWindow()).toEpochMilli();
        synchronized (samples) {
            samples.addLast(new long[] {now.toEpochMilli(), depth});
            while (samples.size() > 1 && samples.peekFirst()[0] < from) {
                samples.removeFirst();
            }
            long lowest = samples.stream().mapToLong(s -> s[1]).min().orElse(depth);
            return Math.max(0, depth - lowest);
        }
    }

    private Map<String, String> closedWindows() {
        Map<String, String> out = new LinkedHashMap<>();
        if (windows == null) {
            return out;
        }
        for (PushWindows.Status s : windows.status()) {
            if (s.windowed() && !s.open()) {
                out.put(s.upstream(), HealthRules.WINDOW_CLOSED);
            }
        }
        return out;
    }

    private Map<String, Long> shieldsPending() {
        Map<String, Long> out = new TreeMap<>();
        try {
            for (ShieldDispatch d : ledger.openShieldDispatches(MAX_OPEN_SHIELDS)) {
                out.merge(d.upstream(), 1L, Long::sum);
            }
        } catch (RuntimeException e) {
            LOG.debug("Open shield dispatches not readable: {}", e.toString());
            return last.shieldsPendingAck();
        }
        return out;
    }

    private void refreshDeadlines(Instant now) {
        if (deadlinesAt != null && now.isBefore(deadlinesAt.plus(DEADLINE_EVERY))) {
            return;
        }
        deadlinesAt = now;
        try {
            Map<String, Long> risk = new TreeMap<>();
            Map<String, Long> late = new TreeMap<>();
            for (DeadlineWatch.Item item : deadlines.get().items()) {
                Map<String, Long> into = switch (item.status()) {
                    case AT_RISK -> risk;
                    case OVERDUE -> late;
                    default -> null;
                };
                if (into != null) {
                    item.missing().forEach(u -> into.merge(u, 1L, Long::sum));
                }
            }
            atRisk = risk;
            overdue = late;
        } catch (RuntimeException e) {
            LOG.debug("Deadline report not available: {}", e.toString());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
