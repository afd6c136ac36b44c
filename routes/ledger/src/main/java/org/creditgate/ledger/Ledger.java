package org.creditgate.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of truth of the gateway (台账): every accepted record version with its state and history, and every
 * rejected input with its errors. Artemis delivers; the ledger remembers. Implementations are thread-safe.
 *
 * <p>Ingest protocol (what makes "ACCEPTED" durable): {@link #accept} the validated batch in one transaction
 * (state {@link RecordState#VALIDATED}), send the messages persistently, then {@link #markQueued}. A crash between
 * the two leaves VALIDATED rows that {@link #unqueued} returns to a recovery sweep, which re-sends them (Artemis
 * duplicate detection makes the re-send harmless).
 */
public interface Ledger {

    /** Current head of a record (latest version), if the gateway ever accepted it. */
    Optional<RecordHead> head(String recordId);

    /**
     * Current head of the record a dataset's business key names (domain.md §4), if the gateway ever accepted it: for
     * platforms that refer to records by business key rather than by gateway id.
     */
    Optional<RecordHead> headByKey(String dataset, String businessKey);

    /**
     * Heads of the records about one subject (any version carried its subject key: a USCC, or the keyed hash of a
     * person's ID number, see {@code model.Subject#searchKey}), most recently updated first, at most {@code limit}; for
     * the operators' lineage search by subject.
     */
    List<RecordHead> headsOfSubject(String subjectKey, int limit);

    /** Stored version of a record, if present. */
    Optional<RecordVersion> version(String recordId, int version);

    /**
     * Stores new record versions in ONE transaction: the version rows, the heads (inserted or moved to the new
     * version; the previous version becomes {@link RecordState#SUPERSEDED}) and a history event per record.
     * Throws {@link LedgerConflictException} when a (recordId, version) already exists, so two concurrent
     * ingests of the same record cannot both win.
     */
    void accept(List<RecordVersion> versions);

    /** Moves the given versions from VALIDATED to QUEUED and writes the history event (one transaction). */
    void markQueued(List<VersionRef> refs, Instant at);

    /** Versions still VALIDATED whose receivedAt is before {@code before}, oldest first, at most {@code limit}. */
    List<RecordVersion> unqueued(Instant before, int limit);

    /** Keeps rejected input for inspection (payload exactly as received + the errors). One transaction. */
    void reject(List<Rejection> rejections);

    /** Rejections of a department, newest first. */
    List<Rejection> rejections(String department, int offset, int limit);

    /** History of a record, oldest first. */
    List<HistoryEvent> history(String recordId);

    /** Counts for operators and tests: number of record versions per state. */
    java.util.Map<RecordState, Long> countByState();

    /** The same counts for the records of one department. */
    java.util.Map<RecordState, Long> countByState(String department);

    /** A connector's watermark, if it has one. */
    Optional<String> watermark(String connectorId);

    /**
     * Sets (value non-null) or clears (null: read from the start) a connector's watermark and logs the change, in
     * one transaction.
     */
    void setWatermark(String connectorId, String value, Instant at, String reason);

    /** The latest changes of a connector's watermark, newest first. */
    List<WatermarkChange> watermarkLog(String connectorId, int limit);

    /**
     * Records that record versions were put on upstream queues (state QUEUED), in one transaction. Idempotent:
     * a delivery that already exists (a redelivered fan-out) keeps its state.
     */
    void queueDeliveries(List<Delivery> deliveries);

    /**
     * Moves deliveries of one upstream to a new state with the batch, receipt id and error (null keeps the stored
     * value), in one transaction; returns how many existed.
     */
    int updateDeliveries(String upstream, List<VersionRef> refs, DeliveryState state, String batchId,
            String receiptId, String error, Instant at);

    /**
     * Claims a QUEUED delivery for sending: moves it to SENT in one statement only if it is still QUEUED, so that a
     * shield applied at the same moment either suppressed it first (the claim fails and it is never sent) or finds
     * it SENT (and counts the upstream as a holder that needs the shield). Returns the delivery's state after the
     * attempt (SENT when claimed), or empty when the ledger has no such delivery.
     */
    Optional<DeliveryState> claimDelivery(String upstream, VersionRef ref, Instant at);

    /** Every delivery of a record (all versions, all upstreams), oldest version first. */
    List<Delivery> deliveries(String recordId);

    /** Deliveries to one upstream per state. */
    java.util.Map<DeliveryState, Long> countDeliveries(String upstream);

    /**
     * The current version of every record of the given datasets whose current version arrived since {@code since},
     * oldest first, at most {@code limit} (for the deadline watch and reconciliation).
     */
    List<RecordVersion> currentVersions(java.util.Collection<String> datasets, Instant since, int limit);

    /**
     * One page of the current versions of the records of the given datasets that no shield has ended except an
     * EXPIRED one (a record whose period ended at one platform may still be due at another), by record id after
     * {@code afterRecordId} (null: from the start), at most {@code limit}; for the daily expiry job, which pages
     * through them. Records whose current version is a DELETE are left out (the deletion already ended them).
     */
    List<RecordVersion> expiryCandidates(java.util.Collection<String> datasets, String afterRecordId, int limit);

    /**
     * Every delivery to one upstream with its record's dataset and current version, by record id and version (for
     * reconciliation).
     */
    List<UpstreamDelivery> deliveriesTo(String upstream);

    /** The automatic resends reconciliation made to one upstream, per record version. */
    java.util.Map<VersionRef, AutoResends> autoResends(String upstream);

    /** Counts one more automatic resend of a record version to an upstream (one transaction); returns the tries now. */
    int countAutoResend(String upstream, VersionRef ref, Instant at);

    /** Notes that reconciliation gave up on a record version (dead-lettered it) after its automatic resends. */
    void markDeadLettered(String upstream, VersionRef ref, Instant at);

    /** Keeps a reconciliation report (JSON) of one upstream. */
    void saveReconciliation(String upstream, Instant runAt, String reportJson);

    /** The latest reconciliation report of one upstream. */
    Optional<ReconciliationRun> latestReconciliation(String upstream);

    /** The latest reconciliation report of every upstream, by upstream id. */
    List<ReconciliationRun> latestReconciliations();

    /**
     * Records a shield and shields its target, in one transaction, idempotently (the same shieldId again changes
     * nothing and returns the entry first stored): the shield row; the target's head and current version become
     * {@link RecordState#SHIELDED} with a history event; every delivery of the target still QUEUED becomes
     * {@link DeliveryState#SUPPRESSED} (it is never to be sent). The target must exist.
     */
    ShieldEntry applyShield(ShieldEntry shield);

    /**
     * Records a shield that takes effect only on some platforms (a platform's own publication period ended, e.g.
     * GSXT's under 令第45号): the shield row, and the target's versions still QUEUED for those platforms become
     * SUPPRESSED; the record itself stays published locally and elsewhere (its head is not shielded). Idempotent
     * like {@link #applyShield(ShieldEntry)}.
     */
    ShieldEntry applyPlatformShield(ShieldEntry shield, java.util.Set<String> platforms);

    /**
     * The platforms a shield of this record was dispatched to (whatever its scope): a record shielded on a platform
     * is not sent there again.
     */
    java.util.Set<String> shieldedPlatforms(String recordId);

    /** Queues a shield's dispatch to platforms (upstream → the target version it holds); existing rows are kept. */
    void queueShieldDispatches(String shieldId, java.util.Map<String, Integer> targetVersions, Instant at);

    /**
     * A shield's copy is about to be handed to a platform's sink (by the shield's record id); the first time is kept
     * as "dispatched at". Returns false when the platform already acknowledged this shield (a resent copy that is
     * no longer needed), true otherwise.
     */
    boolean shieldDispatching(String shieldRecordId, String upstream, Instant at);

    /** A shield by its shieldId. */
    Optional<ShieldEntry> shield(String shieldId);

    /** Every shield of a record, oldest first. */
    List<ShieldEntry> shieldsOf(String targetRecordId);

    /** A shield's dispatches, by upstream. */
    List<ShieldDispatch> shieldDispatches(String shieldId);

    /** Dispatches not yet acknowledged, oldest first, at most {@code limit}. */
    List<ShieldDispatch> openShieldDispatches(int limit);

    /** Counts one SLA resend of a shield to a platform. */
    void noteShieldResend(String shieldId, String upstream, Instant at);

    /** Notes the SLA alert of a shield's dispatch to a platform (the first time is kept). */
    void noteShieldAlert(String shieldId, String upstream, Instant at);

    /**
     * Opens an objection, idempotently (the same objectionId again returns the entry first stored; only a later
     * recordVersion — a changed opening — is noted): the row (status PENDING: the target's OBJECTION_PENDING overlay) and a history event on the target, in
     * one transaction. The target must exist.
     */
    ObjectionEntry openObjection(ObjectionEntry objection);

    /**
     * Records the provider's result of a PENDING objection with a history event on the target (one transaction):
     * the overlay clears. Returns the entry as it is afterwards; a resolved objection is left as it is (a result
     * applied twice changes nothing). Empty when there is no such objection.
     */
    Optional<ObjectionEntry> resolveObjection(String objectionId, ObjectionStatus result, java.time.LocalDate resultOn,
            Integer correctedVersion, int recordVersion, Instant at);

    /** An objection by its objectionId. */
    Optional<ObjectionEntry> objection(String objectionId);

    /** Every objection of a record, oldest first. */
    List<ObjectionEntry> objectionsOf(String targetRecordId);

    /**
     * Objections by provider department (null: every provider), only PENDING ones or all, earliest due first, at
     * most {@code limit}.
     */
    List<ObjectionEntry> objections(String provider, boolean pendingOnly, int limit);

    /** Notes the overdue alert of an objection (the first time is kept). */
    void noteObjectionOverdue(String objectionId, Instant at);

    /**
     * OBJECTION record versions confirmed queued that the objection rows do not reflect yet (a crash between the
     * record and its projection), oldest first, at most {@code limit}: what the objection watch catches up.
     */
    List<VersionRef> objectionsBehind(int limit);

    /** Liveness probe: a trivial query against the database; false (never an exception) when it fails. */
    boolean isHealthy();
}
