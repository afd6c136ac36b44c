package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.IngestResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.delivery.DurableEnqueuer;
import org.creditgate.core.delivery.EnqueueException;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerConflictException;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.ledger.VersionRef;
import org.creditgate.core.delivery.ShieldEntries;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;
import org.creditgate.model.validation.RepairChecks;
import org.creditgate.model.validation.RepairPolicy;
import org.creditgate.model.validation.LifecycleRules;
import org.creditgate.model.validation.ValidationIssue;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.HeadView;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.ledger.ShieldEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable ingest path: validate every record (the model's rules), decide against the ledger (new, new
 * version, identical resend, or refused), store the batch in the ledger, hand the new versions to the broker and
 * wait for its confirmation, then mark them queued. Only then does a record count as ACCEPTED.
 *
 * <p>Crash safety: a crash after the ledger write but before the broker confirmation leaves VALIDATED rows; the
 * department got no answer and resends (answered ALREADY_ACCEPTED after a re-send to the broker), and
 * {@link #recoverUnqueued} sends them in any case. Artemis duplicate detection (recordId:version) makes both
 * re-sends harmless.
 */
public final class IngestPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private final RecordValidator validator;
    private final Ledger ledger;
    private final DurableEnqueuer enqueuer;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxBatchSize;
    private final List<AcceptedListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile RepairPolicy repairPolicy = RepairPolicy.DEFAULT;
    private volatile Consumer<ShieldEntry> shieldApplied = s -> { };
    private final List<TargetCheck> targetChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public IngestPipeline(RecordValidator validator, Ledger ledger, DurableEnqueuer enqueuer,
            WorkingDayCalendar calendar, Clock clock, ZoneId zone, int maxBatchSize) {
        this.validator = validator;
        this.ledger = ledger;
        this.enqueuer = enqueuer;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
        this.maxBatchSize = maxBatchSize;
    }

    public IngestResult ingest(IngestRequest request) {
        List<JsonNode> items = BatchShape.records(request.body(), maxBatchSize);
        Instant now = clock.instant();
        ValidationContext ctx = new ValidationContext(LocalDate.ofInstant(now, zone), calendar);
        Batch batch = new Batch(request.department(), now, items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            ValidationOutcome outcome = validator.validate(item, ctx);
            List<ValidationIssue> targetIssues = outcome.valid() ? targetIssues(batch, outcome.record()) : List.of();
            if (!targetIssues.isEmpty()) {
                batch.reject(i, item, outcome.dataset().name(), targetIssues, outcome.warnings());
            } else if (outcome.valid()) {
                batch.decide(i, item, outcome, currentHead(batch, outcome.record()));
            } else {
                batch.reject(i, item, outcome.dataset() == null ? null : outcome.dataset().name(), outcome.errors(),
                        outcome.warnings());
            }
        }
        store(batch);
        applyShields(batch.fresh(), now);
        deliver(batch.toDeliver(), now);
        notifyAccepted(batch.fresh(), now);
        LOG.info("Ingest from {} via {}: {} records, {} accepted, {} already accepted, {} rejected",
                request.department(), request.channel(), items.size(), batch.result().count(IngestStatus.ACCEPTED),
                batch.result().count(IngestStatus.ALREADY_ACCEPTED), batch.result().count(IngestStatus.REJECTED));
        return batch.result();
    }

    /** The configurable part of the repair checks (RepairChecks); {@link RepairPolicy#DEFAULT} until set. */
    public void repairPolicy(RepairPolicy policy) {
        this.repairPolicy = policy;
    }

    /**
     * Told about each shield right after the ledger applied it, before anything is delivered (the shield cache: a
     * lane must not find the record unshielded there once the ledger shows it shielded).
     */
    public void onShieldApplied(Consumer<ShieldEntry> hook) {
        this.shieldApplied = hook;
    }

    /**
     * A rule on a record that acts on another record (SHIELD, REPAIR, OBJECTION) which needs more of the ledger's
     * state than the target's head; the rule itself lives in the model, the check only gathers the state.
     */
    @FunctionalInterface
    public interface TargetCheck {
        /** The issue that refuses {@code record} from {@code sender}, whose target record is {@code target}. */
        Optional<ValidationIssue> check(String sender, CreditRecord record, HeadView target);
    }

    /** Adds a check run on every valid record whose target exists, before it is decided and stored. */
    public void checkTargetsWith(TargetCheck check) {
        targetChecks.add(check);
    }

    /** Adds a listener told about every newly accepted version (see {@link AcceptedListener} for its duties). */
    public void onAccepted(AcceptedListener listener) {
        listeners.add(listener);
    }

    private void notifyAccepted(List<RecordVersion> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        for (AcceptedListener l : listeners) {
            try {
                l.accepted(fresh, now);
            } catch (RuntimeException e) {
                // the records are durable and answered; the listener catches up by its own sweep
                LOG.error("Listener {} failed on {} accepted versions: {}", l, fresh.size(), e.toString());
            }
        }
    }

    /**
     * Sends versions that were stored but never confirmed by the broker (crash or outage in between).
     *
     * @return how many were sent
     */
    public int recoverUnqueued(Duration grace, int limit) {
        Instant now = clock.instant();
        List<RecordVersion> stuck = ledger.unqueued(now.minus(grace), limit);
        if (stuck.isEmpty()) {
            return 0;
        }
        deliver(stuck, now);
        LOG.warn("Recovery sweep re-sent {} accepted record versions that the broker had not confirmed", stuck.size());
        return stuck.size();
    }

    /**
     * E_UNKNOWN_RECORD for a SHIELD, REPAIR or OBJECTION whose target record the gateway never accepted; for a
     * REPAIR, the model's checks against the target's current version (RepairChecks).
     */
    private List<ValidationIssue> targetIssues(Batch batch, CreditRecord record) {
        Optional<String> target = LifecycleRules.targetRecordId(record);
        if (target.isEmpty()) {
            return List.of();
        }
        HeadView planned = batch.plannedHead(target.get());
        Optional<HeadView> head = planned != null ? Optional.of(planned)
                : ledger.head(target.get()).map(IngestPipeline::toView);
        Optional<ValidationIssue> unknown = LifecycleRules.checkTarget(record, head);
        if (unknown.isPresent()) {
            return List.of(unknown.get());
        }
        if (head.isEmpty()) {
            return List.of();
        }
        if (record instanceof Repair repair) {
            Optional<RecordVersion> current = planned != null ? batch.plannedVersion(target.get())
                    : ledger.version(target.get(), head.get().currentVersion());
            List<ValidationIssue> issues = current.map(v -> RepairChecks.check(repair,
                    CanonicalJson.read(v.payload()), repairPolicy)).orElse(List.of());
            if (!issues.isEmpty()) {
                return issues;
            }
        }
        for (TargetCheck check : targetChecks) {
            Optional<ValidationIssue> issue = check.check(batch.department(), record, head.get());
            if (issue.isPresent()) {
                return List.of(issue.get());
            }
        }
        return List.of();
    }

    /**
     * Local publication stops at once (domain.md §5.2): a stored SHIELD shields its target in the ledger before the
     * answer. The fan-out applies it again (idempotent) before sending it on, which covers a crash in between.
     */
    private void applyShields(List<RecordVersion> stored, Instant now) {
        for (RecordVersion v : stored) {
            if (SHIELD.equals(v.dataset()) && CanonicalJson.read(v.payload()) instanceof Shield shield) {
                ShieldEntry applied = ShieldEntries.apply(ledger, shield, v.recordId(), v.department(), now);
                if (shield.scope() == Shield.Scope.RECORD) {
                    shieldApplied.accept(applied); // a platform-only shield leaves the record unshielded here
                }
            }
        }
    }

    private static final String SHIELD = "SHIELD";

    private Optional<Batch.KnownHead> currentHead(Batch batch, CreditRecord record) {
        String recordId = Batch.recordIdOf(record);
        HeadView planned = batch.plannedHead(recordId);
        if (planned != null) {
            // stored by this very batch: it is delivered with the batch, no separate re-send needed
            return Optional.of(new Batch.KnownHead(planned, null));
        }
        return ledger.head(recordId).map(h -> new Batch.KnownHead(toView(h), h.state() == RecordState.VALIDATED
                ? ledger.version(h.recordId(), h.currentVersion()).orElse(null) : null));
    }

    static HeadView toView(RecordHead head) {
        return new HeadView(head.recordId(), head.currentVersion(), head.currentContentHash(),
                head.state() == RecordState.SHIELDED);
    }

    private void store(Batch batch) {
        if (!batch.rejections().isEmpty()) {
            ledger.reject(batch.rejections());
        }
        if (batch.fresh().isEmpty()) {
            return;
        }
        try {
            ledger.accept(batch.fresh());
        } catch (LedgerConflictException raced) {
            // Another request stored one of these records first. Store one by one and decide the losers again
            // against what the winner stored (usually an identical resend: ALREADY_ACCEPTED).
            LOG.info("Concurrent ingest of the same record: {}", raced.getMessage());
            batch.retryOneByOne(version -> {
                try {
                    ledger.accept(List.of(version));
                    return null;
                } catch (LedgerConflictException again) {
                    // no head under this id: the conflict is on the business key, held by another record id
                    return ledger.head(version.recordId()).map(IngestPipeline::toView)
                            .orElse(Batch.KEY_HELD_BY_ANOTHER_ID);
                }
            });
            if (!batch.lateRejections().isEmpty()) {
                ledger.reject(batch.lateRejections());
            }
        }
    }

    private void deliver(List<RecordVersion> versions, Instant now) {
        if (versions.isEmpty()) {
            return;
        }
        List<OutboundRecord> out = new ArrayList<>(versions.size());
        List<VersionRef> refs = new ArrayList<>(versions.size());
        for (RecordVersion v : versions) {
            out.add(new OutboundRecord(v.recordId(), v.version(), v.dataset(), v.op(), v.department(), v.subjectKey(),
                    v.payload()));
            refs.add(v.ref());
        }
        try {
            enqueuer.enqueue(out);
        } catch (EnqueueException e) {
            throw IngestException.unavailable("the records were validated and stored but the message broker did not "
                    + "confirm them (" + e.getMessage() + "); resend the same request later, nothing will be duplicated",
                    e);
        }
        ledger.markQueued(refs, now);
    }
}
