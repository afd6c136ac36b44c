package org.creditgate.core.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorMetrics;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.connectors.ConnectorState;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.health.HealthReport;
import org.creditgate.core.health.ProgressMonitor;
import org.creditgate.core.health.RouteActivity;
import org.creditgate.core.health.UpstreamSignals;
import org.creditgate.spi.ConnectorKind;

/**
 * The gateway's metrics in Prometheus text format (GET /api/v1/metrics). One Micrometer Prometheus registry holds the
 * Camel route metrics of camel-micrometer ({@code camel_exchanges_*}, label {@code route_id}) and the gateway's own
 * {@code creditgate_*} meters, labelled {@code connector} / {@code department} / {@code kind} for a source connector
 * and {@code upstream} (+ {@code lane}, {@code status}, {@code route}) for an upstream platform — the README lists
 * each one. Counters count since the core started (a connector's since it was bound); gauges are read from the last
 * progress-health check, so a scrape never browses a queue or scans the ledger.
 */
public final class GatewayMetrics {

    static final String CONNECTOR = "connector";
    static final String UPSTREAM = "upstream";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Map<String, List<Meter>> connectorMeters = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> upstreamMeters = new ConcurrentHashMap<>();
    private final Map<String, String> routeUpstream = new ConcurrentHashMap<>();
    private volatile ConnectorRegistry connectors;
    private volatile ProgressMonitor monitor;

    public GatewayMetrics(Clock clock) {
        this.clock = clock;
        // Prometheus label names are snake_case (promtool lints camelCase); Camel tags routeId, camelContext, …
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> tags = new ArrayList<>();
                boolean renamed = false;
                for (Tag t : id.getTagsAsIterable()) {
                    String key = snakeCase(t.getKey());
                    renamed |= !key.equals(t.getKey());
                    tags.add(Tag.of(key, t.getValue()));
                }
                return renamed ? id.replaceTags(tags) : id;
            }
        });
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Camel's own route metrics into the same registry: call before the context's routes are added. */
    public void instrument(CamelContext camel) {
        MicrometerRoutePolicyFactory routes = new MicrometerRoutePolicyFactory();
        routes.setMeterRegistry(registry);
        routes.setDurationUnit(TimeUnit.SECONDS);
        // its app_info gauge has no help text (promtool lint) and tells nothing the bundle list does not
        routes.setSkipCamelInfo(true);
        camel.addRoutePolicyFactory(routes);
    }

    /** Reads connectors and upstreams from these from now on; run durations of sink routes become push timers. */
    public void attach(ConnectorRegistry connectors, ProgressMonitor monitor) {
        this.connectors = connectors;
        this.monitor = monitor;
        monitor.activity().onDuration(this::pushed);
        Gauge.builder("creditgate.health.check.age", () -> age(monitor.snapshot().at())).baseUnit("seconds")
                .description("Time since progress health last checked every connector and upstream")
                .register(registry);
    }

    /** The text exposition format, version 0.0.4. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** Meters for connectors and upstreams that appeared since the last scrape; those of removed ones go. */
    synchronized void refresh() {
        ConnectorRegistry reg = connectors;
        ProgressMonitor mon = monitor;
        if (reg == null || mon == null) {
            return;
        }
        routeUpstream.clear();
        Map<String, ConnectorInstance> sources = new ConcurrentHashMap<>();
        Map<String, ConnectorInstance> sinks = new ConcurrentHashMap<>();
        for (ConnectorInstance i : reg.list()) {
            if (i.descriptor().kind() == ConnectorKind.SINK) {
                if (i.state() != ConnectorState.FAILED) {
                    sinks.putIfAbsent(i.descriptor().department(), i);
                }
            } else {
                sources.put(i.descriptor().id(), i);
            }
        }
        sync(connectorMeters, sources.keySet(), id -> connectorMeters(id, sources.get(id)));
        sync(upstreamMeters, sinks.keySet(), this::upstreamMeters);
    }

    private void sync(Map<String, List<Meter>> have, java.util.Set<String> want,
            java.util.function.Function<String, List<Meter>> create) {
        for (String gone : new ArrayList<>(have.keySet())) {
            if (!want.contains(gone)) {
                have.remove(gone).forEach(registry::remove);
            }
        }
        for (String id : want) {
            have.computeIfAbsent(id, create);
        }
    }

    private List<Meter> connectorMeters(String id, ConnectorInstance first) {
        Tags tags = Tags.of(CONNECTOR, id, "department", first.descriptor().department(), "kind",
                first.descriptor().kind().name());
        List<Meter> m = new ArrayList<>();
        m.add(counter("creditgate.connector.received", "Records the connector handed to ingest", tags,
                id, ConnectorMetrics::received));
        m.add(counter("creditgate.connector.accepted", "Records ingest accepted (new versions in the ledger)", tags,
                id, ConnectorMetrics::accepted));
        m.add(counter("creditgate.connector.already.accepted", "Records ingest answered ALREADY_ACCEPTED (re-reads)",
                tags, id, ConnectorMetrics::alreadyAccepted));
        m.add(counter("creditgate.connector.rejected", "Records ingest rejected (kept with their errors)", tags, id,
                ConnectorMetrics::rejected));
        m.add(FunctionCounter.builder("creditgate.connector.failed", this, g -> g.routeSum(id, RouteActivity.Stats::failed))
                .description("Runs of the connector's routes that failed (a poll that could not read its source)")
                .tags(tags).register(registry));
        m.add(FunctionCounter.builder("creditgate.connector.redelivered", this,
                g -> g.routeSum(id, RouteActivity.Stats::redelivered))
                .description("Messages the broker redelivered to the connector's routes").tags(tags).register(registry));
        m.add(FunctionCounter.builder("creditgate.connector.restarts", this,
                g -> g.monitor == null ? 0 : g.monitor.supervisor().totalRestarts(id))
                .description("Restarts of the connector by the supervisor after a stall").tags(tags).register(registry));
        m.add(Gauge.builder("creditgate.connector.watermark.lag", this, g -> g.lag(id)).baseUnit("seconds")
                .description("Now minus the newest source time the connector read (0 before its first read)")
                .tags(tags).register(registry));
        m.add(status(HealthReport.CONNECTOR_PREFIX + id));
        return m;
    }

    private List<Meter> upstreamMeters(String upstream) {
        Tags tags = Tags.of(UPSTREAM, upstream);
        List<Meter> m = new ArrayList<>();
        m.add(sinkCounter("creditgate.upstream.sent", "Record versions sent to the upstream", upstream,
                ConnectorMetrics::received));
        m.add(sinkCounter("creditgate.upstream.acked", "Record versions the upstream accepted (receipts)", upstream,
                ConnectorMetrics::accepted));
        m.add(sinkCounter("creditgate.upstream.rejected", "Record versions the upstream rejected (receipts)",
                upstream, ConnectorMetrics::rejected));
        m.add(FunctionCounter.builder("creditgate.upstream.failed", this,
                g -> g.upstreamRouteSum(upstream, RouteActivity.Stats::failed))
                .description("Delivery attempts to the upstream that failed (rolled back for redelivery or "
                        + "dead-lettered)").tags(tags).register(registry));
        m.add(FunctionCounter.builder("creditgate.upstream.redelivered", this,
                g -> g.upstreamRouteSum(upstream, RouteActivity.Stats::redelivered))
                .description("Messages the broker redelivered to the upstream's lanes").tags(tags).register(registry));
        m.add(gauge("creditgate.upstream.queue.depth", "Messages waiting on the upstream's queue",
                tags.and("lane", "scheduled"), upstream, s -> s.queued()));
        m.add(gauge("creditgate.upstream.queue.depth", "Messages waiting on the upstream's queue",
                tags.and("lane", "realtime"), upstream, s -> s.realtimeQueued()));
        m.add(Gauge.builder("creditgate.upstream.queue.oldest.age", this, g -> g.oldest(upstream, false))
                .baseUnit("seconds").description("Age of the oldest message waiting on the upstream's queue")
                .tags(tags.and("lane", "scheduled")).register(registry));
        m.add(Gauge.builder("creditgate.upstream.queue.oldest.age", this, g -> g.oldest(upstream, true))
                .baseUnit("seconds").description("Age of the oldest message waiting on the upstream's queue")
                .tags(tags.and("lane", "realtime")).register(registry));
        m.add(gauge("creditgate.upstream.dlq.depth", "Letters on the upstream's dead-letter queue", tags, upstream,
                s -> s.dlqDepth()));
        m.add(gauge("creditgate.upstream.awaiting.receipt", "Deliveries sent that no receipt answered yet", tags,
                upstream, s -> s.awaitingReceipt()));
        m.add(Gauge.builder("creditgate.upstream.shields.pending.ack", this,
                g -> g.monitor.snapshot().shieldsPendingAck().getOrDefault(upstream, 0L))
                .description("Shields dispatched (or due) to the upstream and not acknowledged yet").tags(tags)
                .register(registry));
        m.add(Gauge.builder("creditgate.upstream.deadline.records", this,
                g -> g.monitor.snapshot().deadlineAtRisk().getOrDefault(upstream, 0L))
                .description("双公示 records not yet accepted by the upstream whose publication deadline is near "
                        + "(AT_RISK) or past (OVERDUE)").tags(tags.and("status", "AT_RISK")).register(registry));
        m.add(Gauge.builder("creditgate.upstream.deadline.records", this,
                g -> g.monitor.snapshot().deadlineOverdue().getOrDefault(upstream, 0L))
                .description("双公示 records not yet accepted by the upstream whose publication deadline is near "
                        + "(AT_RISK) or past (OVERDUE)").tags(tags.and("status", "OVERDUE")).register(registry));
        m.add(status(HealthReport.UPSTREAM_PREFIX + upstream));
        return m;
    }

    private Meter counter(String name, String help, Tags tags, String id, ToDoubleFunction<ConnectorMetrics> f) {
        return FunctionCounter.builder(name, this, g -> g.connector(id).map(i -> f.applyAsDouble(i.metrics()))
                .orElse(0.0)).description(help).tags(tags).register(registry);
    }

    private Meter sinkCounter(String name, String help, String upstream, ToDoubleFunction<ConnectorMetrics> f) {
        return FunctionCounter.builder(name, this, g -> g.sink(upstream).map(i -> f.applyAsDouble(i.metrics()))
                .orElse(0.0)).description(help).tags(Tags.of(UPSTREAM, upstream)).register(registry);
    }

    private Meter gauge(String name, String help, Tags tags, String upstream, ToDoubleFunction<UpstreamSignals> f) {
        return Gauge.builder(name, this, g -> Optional.ofNullable(g.monitor.snapshot().upstreams().get(upstream))
                .map(f::applyAsDouble).orElse(0.0)).description(help).tags(tags).register(registry);
    }

    /** 2 UP, 1 DEGRADED, 0 DOWN (absent from the last check: DOWN). */
    private Meter status(String component) {
        return Gauge.builder("creditgate.health.status", this, g -> g.monitor.health().stream()
                .filter(c -> c.component().equals(component)).findFirst().map(GatewayMetrics::level).orElse(0.0))
                .description("Progress health of the component: 2 UP, 1 DEGRADED, 0 DOWN").tags("component", component)
                .register(registry);
    }

    private static double level(ComponentHealth c) {
        return switch (c.state()) {
            case UP -> 2;
            case DEGRADED -> 1;
            case DOWN -> 0;
        };
    }

    private void pushed(String route, Duration took) {
        // "" marks a route that belongs to no sink; refresh() forgets both kinds as connectors come and go
        String upstream = routeUpstream.computeIfAbsent(route, this::upstreamOf);
        if (!upstream.isEmpty()) {
            Timer.builder("creditgate.upstream.push").description("Time of one delivery run into the upstream's sink "
                    + "(a batch push, or one message for per-record sinks)").tags(UPSTREAM, upstream, "route", route)
                    .register(registry).record(took);
        }
    }

    private String upstreamOf(String route) {
        ConnectorRegistry reg = connectors;
        return reg == null ? "" : reg.list().stream().filter(i -> i.descriptor().kind() == ConnectorKind.SINK
                && i.routeIds().contains(route)).map(i -> i.descriptor().department()).findFirst().orElse("");
    }

    private Optional<ConnectorInstance> connector(String id) {
        ConnectorRegistry reg = connectors;
        return reg == null ? Optional.empty() : reg.find(id);
    }

    private Optional<ConnectorInstance> sink(String upstream) {
        ConnectorRegistry reg = connectors;
        return reg == null ? Optional.empty() : reg.list().stream()
                .filter(i -> i.descriptor().kind() == ConnectorKind.SINK && i.state() != ConnectorState.FAILED
                        && upstream.equals(i.descriptor().department())).findFirst();
    }

    private double routeSum(String id, ToDoubleFunction<RouteActivity.Stats> f) {
        return connector(id).map(i -> sum(i.routeIds(), f)).orElse(0.0);
    }

    private double upstreamRouteSum(String upstream, ToDoubleFunction<RouteActivity.Stats> f) {
        return sink(upstream).map(i -> sum(i.routeIds(), f)).orElse(0.0);
    }

    private double sum(List<String> routes, ToDoubleFunction<RouteActivity.Stats> f) {
        ProgressMonitor mon = monitor;
        return mon == null ? 0 : routes.stream().map(r -> mon.activity().stats(r)).flatMap(Optional::stream)
                .mapToDouble(f).sum();
    }

    private double lag(String id) {
        return connector(id).flatMap(i -> i.metrics().sourceTime()).map(this::age).orElse(0.0);
    }

    private double oldest(String upstream, boolean realtime) {
        UpstreamSignals s = monitor.snapshot().upstreams().get(upstream);
        if (s == null) {
            return 0;
        }
        return age(realtime ? s.oldestRealtime() : s.oldestQueued());
    }

    private double age(Instant at) {
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }
}
