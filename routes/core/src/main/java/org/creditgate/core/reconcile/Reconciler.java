package org.creditgate.core.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.alert.AlertSink;
import org.creditgate.core.delivery.LedgerDeliveries;
import org.creditgate.core.reconcile.Comparison.Finding;
import org.creditgate.core.reconcile.Comparison.Plan;
import org.creditgate.core.reconcile.Discrepancy.Action;
import org.creditgate.core.reconcile.ReconciliationReport.Status;
import org.creditgate.ledger.AutoResends;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.UpstreamDelivery;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings.RecordStatus;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily reconciliation of one upstream (domain.md §7.2): asks the upstream's sink what the upstream holds, compares
 * it with the ledger ({@link Comparison}), acts — idempotent resends of what is missing or outdated, the status
 * query for deliveries without a receipt (settled, or resent), dead-lettering after {@code maxResends} automatic
 * tries, alerts for what cannot be repaired — and keeps the report in the ledger. One run per upstream at a time.
 *
 * <p>Alerts are WARN lines, the report's {@code alerts} and events on {@code creditgate.alerts} ({@link #alertsTo}).
 */
public final class Reconciler {

    public static final String SCHEDULED = "scheduled";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Ledger ledger;
    private final Function<String, Optional<UpstreamHoldings>> sinks;
    private final Supplier<List<String>> upstreams;
    private final Resender resender;
    private final Clock clock;
    private final int maxResends;
    private volatile AlertSink alerts = AlertSink.logOnly();
    private final Map<String, Object> running = new ConcurrentHashMap<>();

    /**
     * @param sinks     the holdings capability of the sink delivering to an upstream (empty: none running, or it
     *                  offers none)
     * @param upstreams the upstreams to reconcile in a full run
     */
    public Reconciler(Ledger ledger, Function<String, Optional<UpstreamHoldings>> sinks,
            Supplier<List<String>> upstreams, Resender resender, Clock clock, int maxResends) {
        this.ledger = ledger;
        this.sinks = sinks;
        this.upstreams = upstreams;
        this.resender = resender;
        this.clock = clock;
        this.maxResends = maxResends;
    }

    /** Where its alerts go (the gateway's {@link org.creditgate.core.alert.Alerts}); by default only the WARN line. */
    public Reconciler alertsTo(AlertSink sink) {
        this.alerts = sink;
        return this;
    }

    /** Reconciles every upstream with a sink; one report each. */
    public List<ReconciliationReport> runAll(String trigger) {
        List<ReconciliationReport> out = new ArrayList<>();
        for (String upstream : upstreams.get()) {
            out.add(run(upstream, trigger));
        }
        return out;
    }

    /** Reconciles one upstream now and keeps the report; {@code trigger}: "scheduled" or the operator. */
    public ReconciliationReport run(String upstream, String trigger) {
        synchronized (running.computeIfAbsent(upstream, k -> new Object())) {
            ReconciliationReport report = reconcile(upstream, trigger);
            ledger.saveReconciliation(upstream, report.runAt(), ReportJson.write(report));
            Counts t = report.totals();
            LOG.info("Reconciliation of {} ({}): {} — sent {}, accepted {}, held {}, missing {}, version mismatch {}, "
                    + "unknown to us {}, unknown receipt {}; resent {}, settled {}, dead-lettered {}, {} alert(s)",
                    upstream, trigger, report.status() == Status.COMPLETE ? "complete" : "FAILED: " + report.error(),
                    t.sent(), t.accepted(), t.held(), t.missing(), t.versionMismatch(), t.unknownToUs(),
                    t.unknownReceipt(), t.resent(), t.settled(), t.deadLettered(), report.alerts().size());
            return report;
        }
    }

    /** The latest kept report of an upstream. */
    public Optional<ReconciliationReport> latest(String upstream) {
        return ledger.latestReconciliation(upstream).map(r -> ReportJson.read(r.report()));
    }

    /** The latest kept report of every upstream. */
    public List<ReconciliationReport> latest() {
        return ledger.latestReconciliations().stream().map(r -> ReportJson.read(r.report())).toList();
    }

    private ReconciliationReport reconcile(String upstream, String trigger) {
        Instant now = clock.instant();
        Optional<UpstreamHoldings> sink = sinks.apply(upstream);
        if (sink.isEmpty()) {
            return failed(upstream, now, trigger, "no running sink connector for " + upstream
                    + " offers the upstream's holdings");
        }
        List<UpstreamHoldings.Holding> holdings;
        try {
            holdings = sink.get().holdings(null);
        } catch (RuntimeException e) {
            return failed(upstream, now, trigger, "cannot ask " + upstream + " for its holdings: " + oneLine(e));
        }
        List<UpstreamDelivery> ours = ledger.deliveriesTo(upstream);
        Map<VersionRef, AutoResends> resends = ledger.autoResends(upstream);
        Comparison.Result compared = Comparison.compare(ours, holdings, resends, maxResends);

        List<Discrepancy> discrepancies = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        Map<String, int[]> actions = new TreeMap<>();
        LedgerDeliveries deliveries = new LedgerDeliveries(upstream, ledger, clock);
        for (Finding f : compared.findings()) {
            Discrepancy d = act(upstream, f, sink.get(), deliveries, resends, alerts);
            discrepancies.add(d);
            int[] a = actions.computeIfAbsent(f.dataset(), k -> new int[3]);
            switch (d.action()) {
                case RESENT -> a[0]++;
                case SETTLED_ACCEPTED, SETTLED_REJECTED -> a[1]++;
                case DEAD_LETTERED -> a[2]++;
                default -> { }
            }
        }
        Map<String, Counts> datasets = new TreeMap<>();
        Counts totals = Counts.ZERO;
        for (Map.Entry<String, Counts> e : compared.datasets().entrySet()) {
            int[] a = actions.getOrDefault(e.getKey(), new int[3]);
            Counts c = e.getValue().plus(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, a[0], a[1], a[2]));
            datasets.put(e.getKey(), c);
            totals = totals.plus(c);
        }
        return new ReconciliationReport(upstream, now, trigger, Status.COMPLETE, null, totals, datasets,
                discrepancies, alerts);
    }

    private Discrepancy act(String upstream, Finding f, UpstreamHoldings sink, LedgerDeliveries deliveries,
            Map<VersionRef, AutoResends> resends, List<String> alerts) {
        try {
            Plan plan = f.plan();
            if (plan == Plan.STATUS_QUERY) {
                RecordStatus status = sink.status(new DeliveryRef(f.recordId(), f.ourVersion()));
                switch (status.state()) {
                    case HELD -> {
                        deliveries.accepted(List.of(new DeliveryRef(f.recordId(), f.ourVersion())),
                                "reconciliation:" + clock.instant());
                        return done(f, Action.SETTLED_ACCEPTED, f.tries(), "the status query says it is held");
                    }
                    case REJECTED -> {
                        String error = PublicProjection.maskIdNumbersIn(String.valueOf(status.error()));
                        deliveries.rejected(new DeliveryRef(f.recordId(), f.ourVersion()), null, error);
                        return done(f, Action.SETTLED_REJECTED, f.tries(), "the status query says it was refused: "
                                + error + " (sent back to the department)");
                    }
                    case PENDING -> {
                        return done(f, Action.AWAITING_RECEIPT, f.tries(), "the upstream has it and has not "
                                + "answered yet; not resent");
                    }
                    default -> {
                        AutoResends r = resends.get(f.ref());
                        plan = Comparison.resendOrGiveUp(f.tries(), maxResends, r, f.ourUpdatedAt());
                    }
                }
            }
            return switch (plan) {
                case RESEND -> resend(upstream, f);
                case DEAD_LETTER -> deadLetter(upstream, f, alerts);
                case AWAIT_OPERATOR -> done(f, Action.AWAITING_OPERATOR, f.tries(), f.detail()
                        + "; dead-lettered after " + f.tries() + " automatic resends, waiting for an operator");
                case ALERT -> {
                    alert(alerts, upstream, f.recordId(), upstream + ": " + f.kind() + " " + f.dataset() + " " + f.recordId()
                            + (f.theirVersion() == null ? "" : " v" + f.theirVersion()) + " — " + f.detail());
                    yield done(f, Action.ALERTED, f.tries(), f.detail());
                }
                case STATUS_QUERY -> throw new IllegalStateException("status query already made");
            };
        } catch (Exception e) {
            LOG.warn("Reconciliation of {}: {} {} v{} could not be repaired now: {}", upstream, f.kind(), f.recordId(),
                    f.ourVersion(), oneLine(e));
            return done(f, Action.FAILED, f.tries(), f.detail() + "; the repair failed: " + oneLine(e));
        }
    }

    private Discrepancy resend(String upstream, Finding f) throws Exception {
        RecordVersion v = ledger.version(f.recordId(), f.ourVersion()).orElseThrow(() -> new IllegalStateException(
                "record version " + f.ref() + " is not in the ledger"));
        int attempt = f.tries() + 1;
        // QUEUED before the send: a sink that acknowledges within milliseconds must find the row to move on
        DeliveryState before = ledger.deliveries(f.recordId()).stream()
                .filter(d -> d.upstream().equals(upstream) && d.version() == f.ourVersion())
                .map(Delivery::state).findFirst().orElse(null);
        ledger.updateDeliveries(upstream, List.of(f.ref()), DeliveryState.QUEUED, null, null, null, clock.instant());
        try {
            resender.resend(upstream, v, attempt);
        } catch (Exception e) {
            if (before != null) {
                ledger.updateDeliveries(upstream, List.of(f.ref()), before, null, null, null, clock.instant());
            }
            throw e;
        }
        ledger.countAutoResend(upstream, f.ref(), clock.instant());
        return done(f, Action.RESENT, attempt, f.detail() + "; resent (automatic try " + attempt + " of " + maxResends
                + ")");
    }

    private Discrepancy deadLetter(String upstream, Finding f, List<String> alerts) throws Exception {
        RecordVersion v = ledger.version(f.recordId(), f.ourVersion()).orElseThrow(() -> new IllegalStateException(
                "record version " + f.ref() + " is not in the ledger"));
        String reason = f.kind() + ": " + f.detail() + "; still not held after " + f.tries() + " automatic resends";
        resender.deadLetter(upstream, v, reason);
        ledger.markDeadLettered(upstream, f.ref(), clock.instant());
        alert(alerts, upstream, f.recordId(), upstream + ": " + f.dataset() + " " + f.ref() + " dead-lettered (" + Resender.ERROR_CLASS + "): "
                + reason);
        return done(f, Action.DEAD_LETTERED, f.tries(), reason);
    }

    private static Discrepancy done(Finding f, Action action, int tries, String detail) {
        return new Discrepancy(f.dataset(), f.recordId(), f.kind(), f.ourVersion(), f.theirVersion(),
                f.ourState() == null ? null : f.ourState().name(), action, tries, detail);
    }

    /** One alert per upstream, record and text a day: a run-now after the daily run raises no second event. */
    private void alert(List<String> alerts, String upstream, String recordId, String text) {
        Instant now = clock.instant();
        this.alerts.raise(Alert.of("reconciliation:" + upstream + ":" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ":"
                + recordId + ":" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)),
                Alert.AlertClass.RECONCILIATION, Alert.Severity.WARNING, "upstream:" + upstream, recordId,
                "reconciliation: " + text, now));
        alerts.add(text);
    }

    private ReconciliationReport failed(String upstream, Instant now, String trigger, String why) {
        alerts.raise(Alert.of("reconciliation:" + upstream + ":failed:" + LocalDate.ofInstant(now, ZoneOffset.UTC),
                Alert.AlertClass.RECONCILIATION, Alert.Severity.WARNING, "upstream:" + upstream, null,
                "reconciliation failed: " + why, now));
        return new ReconciliationReport(upstream, now, trigger, Status.FAILED, why, Counts.ZERO, Map.of(), List.of(),
                List.of(why));
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return PublicProjection.maskIdNumbersIn(m.lines().findFirst().orElse(""));
    }
}
