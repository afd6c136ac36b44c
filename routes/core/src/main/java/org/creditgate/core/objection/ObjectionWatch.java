package org.creditgate.core.objection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.alert.AlertSink;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.model.validation.ObjectionLifecycle;

/**
 * The verification deadline (domain.md §5.2): a pending objection whose dueOn has ended (business time) without the
 * provider's result raises one alert (a WARN line starting {@code ALERT objection overdue}, the objection marked
 * alerted, listed by GET /api/v1/objections?overdue=true and {@code creditgate:objections --overdue}) and stays
 * pending: joint punishment stays suspended until the provider answers (escalated to the city credit office). Each
 * pass first catches up objection records the workflow missed. Runs on the schedule leader only.
 */
public final class ObjectionWatch {

    private static final int MAX_PENDING = 10_000;

    private final Ledger ledger;
    private final ObjectionWorkflow workflow;
    private final ZoneId zone;
    private final Clock clock;
    private volatile AlertSink alerts = AlertSink.logOnly();

    public ObjectionWatch(Ledger ledger, ObjectionWorkflow workflow, ZoneId zone, Clock clock) {
        this.ledger = ledger;
        this.workflow = workflow;
        this.zone = zone;
        this.clock = clock;
    }

    /** Where its alerts go (the gateway's {@link org.creditgate.core.alert.Alerts}); by default only the WARN line. */
    public ObjectionWatch alertsTo(AlertSink sink) {
        this.alerts = sink;
        return this;
    }

    /** One pass: catch up, then alert what became overdue; returns the overdue objections. */
    public List<Map<String, Object>> check() {
        workflow.catchUp();
        Instant now = clock.instant();
        for (ObjectionEntry o : ledger.objections(null, true, MAX_PENDING)) {
            if (o.overdueAlertedAt() == null && overdue(o, now)) {
                alerts.raise(new Alert("objection-overdue:" + o.objectionId(), Alert.AlertClass.OBJECTION_OVERDUE,
                        Alert.Severity.WARNING, "department:" + o.provider(),
                        java.util.List.of(o.objectionId(), o.targetRecordId()), "objection overdue: objection "
                                + o.objectionId() + " on record " + o.targetRecordId() + " was due from department "
                                + o.provider() + " by the end of " + o.dueOn() + " and has no result; joint "
                                + "punishment stays suspended, escalate to the city credit office", now));
                ledger.noteObjectionOverdue(o.objectionId(), now);
            }
        }
        return overdue();
    }

    /** The pending objections past their due date now, earliest due first. */
    public List<Map<String, Object>> overdue() {
        Instant now = clock.instant();
        return ledger.objections(null, true, MAX_PENDING).stream().filter(o -> overdue(o, now))
                .map(o -> ObjectionEvents.view(o, true)).toList();
    }

    /** Objections of one provider (null: all), pending only or all, as the APIs show them. */
    public List<Map<String, Object>> list(String provider, boolean pendingOnly, int limit) {
        Instant now = clock.instant();
        return ledger.objections(provider, pendingOnly, limit).stream().map(o -> view(o, now)).toList();
    }

    /** Every objection of one record, as the APIs show them. */
    public List<Map<String, Object>> of(String targetRecordId) {
        Instant now = clock.instant();
        return ledger.objectionsOf(targetRecordId).stream().map(o -> view(o, now)).toList();
    }

    public Map<String, Object> view(ObjectionEntry o) {
        return view(o, clock.instant());
    }

    private Map<String, Object> view(ObjectionEntry o, Instant now) {
        return ObjectionEvents.view(o, overdue(o, now));
    }

    private boolean overdue(ObjectionEntry o, Instant now) {
        return o.pending() && ObjectionLifecycle.overdue(o.dueOn(), now, zone);
    }
}
