package org.creditgate.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.alert.AlertSink;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shield SLA (domain.md §5.2, §6.3): a platform that has not been dispatched a shield within the dispatch SLA, or
 * has not acknowledged it within the ack SLA, raises an alert (one WARN line and the dispatch marked alerted, listed
 * by GET /api/v1/shields?overdue=true); once the ack SLA has passed the shield is sent again every
 * {@code resendEvery} until the platform acknowledges it. A resend is the same shield (same shieldId, same record
 * version): the platform's answer is idempotent. Runs on the schedule leader only.
 */
public final class ShieldWatch {

    /** How the watch puts a shield back on a platform's real-time lane. */
    @FunctionalInterface
    public interface ShieldResender {
        void resend(String upstream, RecordVersion shield, String target, int attempt) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShieldWatch.class);
    private static final int MAX_OPEN = 10_000;

    private final Ledger ledger;
    private final ShieldResender resender;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final Clock clock;
    private final ShieldSla dispatchSla;
    private final ShieldSla ackSla;
    private final Duration resendEvery;
    private volatile AlertSink alerts = AlertSink.logOnly();

    public ShieldWatch(Ledger ledger, ShieldResender resender, WorkingDayCalendar calendar, ZoneId zone, Clock clock,
            ShieldSla dispatchSla, ShieldSla ackSla, Duration resendEvery) {
        this.ledger = ledger;
        this.resender = resender;
        this.calendar = calendar;
        this.zone = zone;
        this.clock = clock;
        this.dispatchSla = dispatchSla;
        this.ackSla = ackSla;
        this.resendEvery = resendEvery;
    }

    /** Where its alerts go (the gateway's {@link org.creditgate.core.alert.Alerts}); by default only the WARN line. */
    public ShieldWatch alertsTo(AlertSink sink) {
        this.alerts = sink;
        return this;
    }

    /** One pass: alerts and resends what is overdue; returns the overdue dispatches. */
    public List<Map<String, Object>> check() {
        Instant now = clock.instant();
        List<Map<String, Object>> overdue = new ArrayList<>();
        for (ShieldDispatch d : ledger.openShieldDispatches(MAX_OPEN)) {
            Optional<String> why = overdue(d, now);
            if (why.isEmpty()) {
                continue;
            }
            if (d.alertedAt() == null) {
                alerts.raise(Alert.of("shield-overdue:" + d.shieldId() + ":" + d.upstream(),
                        Alert.AlertClass.SHIELD_OVERDUE, Alert.Severity.WARNING, "upstream:" + d.upstream(),
                        d.shieldId(), "shield SLA: shield " + d.shieldId() + " to " + d.upstream() + ": " + why.get()
                                + " (queued " + d.queuedAt() + "); the record stays shielded locally, the shield is "
                                + "resent every " + resendEvery + " until acknowledged", now));
                ledger.noteShieldAlert(d.shieldId(), d.upstream(), now);
            }
            if (ackOverdue(d, now) && resendDue(d, now)) {
                resend(d, now);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shieldId", d.shieldId());
            m.putAll(ShieldProof.platform(d));
            m.put("overdue", why.get());
            overdue.add(m);
        }
        return overdue;
    }

    /** The open dispatches that are overdue now, without acting on them. */
    public List<Map<String, Object>> overdue() {
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ShieldDispatch d : ledger.openShieldDispatches(MAX_OPEN)) {
            overdue(d, now).ifPresent(why -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("shieldId", d.shieldId());
                m.putAll(ShieldProof.platform(d));
                m.put("overdue", why);
                out.add(m);
            });
        }
        return out;
    }

    private Optional<String> overdue(ShieldDispatch d, Instant now) {
        if (d.dispatchedAt() == null && now.isAfter(dispatchSla.due(d.queuedAt(), calendar, zone))) {
            return Optional.of("not dispatched within " + dispatchSla);
        }
        if (ackOverdue(d, now)) {
            return Optional.of("not acknowledged within " + ackSla);
        }
        return Optional.empty();
    }

    private boolean ackOverdue(ShieldDispatch d, Instant now) {
        return now.isAfter(ackSla.due(d.queuedAt(), calendar, zone));
    }

    private boolean resendDue(ShieldDispatch d, Instant now) {
        return d.lastResentAt() == null || !now.isBefore(d.lastResentAt().plus(resendEvery));
    }

    private void resend(ShieldDispatch d, Instant now) {
        Optional<ShieldEntry> shield = ledger.shield(d.shieldId());
        Optional<RecordVersion> version = shield.flatMap(s -> ledger.version(s.recordId(), 1));
        if (version.isEmpty()) {
            LOG.warn("shield {}: its record is not in the ledger; cannot resend it to {}", d.shieldId(), d.upstream());
            return;
        }
        try {
            resender.resend(d.upstream(), version.get(), shield.get().targetRecordId() + ":" + d.targetVersion(),
                    d.resends() + 1);
            ledger.noteShieldResend(d.shieldId(), d.upstream(), now);
            LOG.warn("shield {} resent to {} (resend {})", d.shieldId(), d.upstream(), d.resends() + 1);
        } catch (Exception e) {
            LOG.warn("shield {}: resend to {} failed: {}", d.shieldId(), d.upstream(), e.toString());
        }
    }
}
