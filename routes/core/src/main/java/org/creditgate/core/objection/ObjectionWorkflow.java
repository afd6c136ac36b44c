package org.creditgate.core.objection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.creditgate.core.ingest.AcceptedListener;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.ObjectionStatus;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Objection;
import org.creditgate.model.Shield;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.ObjectionLifecycle;
import org.creditgate.spi.ingest.IngestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objection workflow (异议处理, domain.md §6.2), run on OBJECTION records once they are durable:
 * <ul>
 * <li>an opening (no result) stores the objection PENDING in the ledger — the target's OBJECTION_PENDING overlay —
 * with dueOn = forwardedOn (or the day accepted) + 20 working days, and puts an OPENED event on the providing
 * department's queue;</li>
 * <li>a result clears the overlay: CONFIRMED and CORRECTED only that (a correction is the target's own UPDATE, which
 * already went to every holder), REVOKED also issues the OBJECTION_REVOKED shield through {@link ShieldIssuer}
 * (derived id: issued twice, it is the same shield); a RESOLVED event goes to the provider.</li>
 * </ul>
 *
 * <p>What "joint punishment suspended" means in the gateway: the gateway does not apply punishments itself; it tells
 * those who do. While an objection is pending, the record view and the objection APIs say {@code objectionPending:
 * true, jointPunishmentSuspended: true}, the record stays shared and published with that label, and the upstreams
 * that take the OBJECTION dataset and hold the record receive the objection record itself (the status, like the
 * legacy 当前状态=2) and later its result.
 *
 * <p>Idempotent and able to catch up ({@link #catchUp}): every step may run again over the same versions.
 */
public final class ObjectionWorkflow implements AcceptedListener {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectionWorkflow.class);
    private static final String OBJECTION = "OBJECTION";
    private static final int CATCH_UP_BATCH = 200;

    private final Ledger ledger;
    private final ObjectionNotifier notifier;
    private final ShieldIssuer shields;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    public ObjectionWorkflow(Ledger ledger, ObjectionNotifier notifier, ShieldIssuer shields,
            WorkingDayCalendar calendar, ZoneId zone) {
        this.ledger = ledger;
        this.notifier = notifier;
        this.shields = shields;
        this.calendar = calendar;
        this.zone = zone;
    }

    @Override
    public void accepted(List<RecordVersion> versions, Instant at) {
        for (RecordVersion v : versions) {
            if (OBJECTION.equals(v.dataset())) {
                apply(v);
            }
        }
    }

    /**
     * Applies the OBJECTION record versions the ledger's objection rows do not reflect yet (a crash or failure
     * between a record and its workflow). Returns how many versions it applied.
     */
    public int catchUp() {
        int applied = 0;
        for (VersionRef behind : ledger.objectionsBehind(CATCH_UP_BATCH)) {
            Optional<RecordVersion> head = ledger.version(behind.recordId(), behind.version());
            if (head.isEmpty()) {
                continue;
            }
            String objectionId = head.get().businessKey();
            int from = ledger.objection(objectionId).map(o -> o.recordVersion() + 1).orElse(1);
            for (int v = from; v <= behind.version(); v++) {
                Optional<RecordVersion> version = ledger.version(behind.recordId(), v);
                if (version.isPresent()) {
                    apply(version.get());
                    applied++;
                }
            }
        }
        if (applied > 0) {
            LOG.warn("Objection workflow caught up {} objection record versions", applied);
        }
        return applied;
    }

    /** One OBJECTION record version: opening or result. */
    public void apply(RecordVersion v) {
        CreditRecord record = CanonicalJson.read(v.payload());
        if (!(record instanceof Objection o)) {
            return;
        }
        Optional<RecordHead> target = ledger.head(o.targetRecordId());
        if (target.isEmpty()) {
            LOG.error("objection {}: its record {} is not in the ledger; nothing to flag", o.objectionId(),
                    o.targetRecordId());
            return;
        }
        if (o.result() == null) {
            open(v, o, target.get());
        } else {
            resolve(v, o, target.get());
        }
    }

    private void open(RecordVersion v, Objection o, RecordHead target) {
        LocalDate forwardedOn = ObjectionLifecycle.forwardedOn(o, LocalDate.ofInstant(v.receivedAt(), zone));
        LocalDate dueOn = ObjectionLifecycle.dueOn(calendar, forwardedOn);
        ObjectionEntry stored = ledger.openObjection(ObjectionEntry.opened(o.objectionId(), v.recordId(), v.version(),
                target.recordId(), target.dataset(), target.currentVersion(), target.department(), v.department(),
                o.submittedOn(), forwardedOn, dueOn, v.receivedAt()));
        LOG.info("Objection {} opened by {} on record {} (version {}): joint punishment suspended, {} verifies by {}",
                stored.objectionId(), stored.source(), stored.targetRecordId(), stored.targetVersion(),
                stored.provider(), stored.dueOn());
        notifyProvider(ObjectionNotifier.Event.OPENED, stored);
    }

    private void resolve(RecordVersion v, Objection o, RecordHead target) {
        ObjectionStatus status = ObjectionStatus.valueOf(o.result().name());
        Optional<ObjectionEntry> resolved = ledger.resolveObjection(o.objectionId(), status, o.resultOn(),
                o.result() == Objection.Result.CORRECTED ? o.correctedRecordVersion() : null, v.version(),
                v.receivedAt());
        if (resolved.isEmpty()) {
            LOG.error("objection {}: result {} for an objection the ledger never opened", o.objectionId(), status);
            return;
        }
        LOG.info("Objection {} on record {} verified {} by {}: objection flag cleared", o.objectionId(),
                target.recordId(), resolved.get().status(), v.department());
        if (resolved.get().status() == ObjectionStatus.REVOKED) {
            // the receive time is the same on every run, so a second issue is an identical resend
            ShieldIssuer.Issued issued = shields.issue(ShieldIssuer.GATEWAY, "objection", new ShieldIssuer.Request(
                    target, Shield.Cause.OBJECTION_REVOKED, null, "objection " + o.objectionId() + " revoked on "
                            + o.resultOn(), OffsetDateTime.ofInstant(v.receivedAt(), zone), List.of()));
            if (issued.result().status() == IngestStatus.REJECTED) {
                LOG.error("objection {}: the OBJECTION_REVOKED shield {} for record {} was refused: {}",
                        o.objectionId(), issued.shieldId(), target.recordId(), issued.result().errors());
            }
        }
        notifyProvider(ObjectionNotifier.Event.RESOLVED, resolved.get());
    }

    private void notifyProvider(ObjectionNotifier.Event event, ObjectionEntry o) {
        try {
            notifier.notify(event, o);
        } catch (Exception e) {
            // the objection stands and the provider can pull it (GET /api/v1/objections?provider=me)
            LOG.warn("objection {}: {} event to department {} not delivered: {}", o.objectionId(), event,
                    o.provider(), e.toString());
        }
    }
}
