package org.creditgate.ledger.internal;

import static org.creditgate.ledger.internal.Jdbc.executeBatch;
import static org.creditgate.ledger.internal.Jdbc.instant;
import static org.creditgate.ledger.internal.Jdbc.setNullable;
import static org.creditgate.ledger.internal.Jdbc.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.creditgate.ledger.AutoResends;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.HistoryEvent;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerConflictException;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.ObjectionStatus;
import org.creditgate.ledger.ReconciliationRun;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.ledger.UpstreamDelivery;
import org.creditgate.ledger.VersionRef;
import org.creditgate.ledger.WatermarkChange;

/**
 * The ledger over plain JDBC. Every write is one transaction of batched statements (one execution per table, not
 * per record), so storing a push of 100 records costs a handful of round trips, not hundreds.
 */
public final class JdbcLedger implements Ledger {

    private static final String VERSION_COLUMNS = "record_id, version, op, dataset, department, business_key, "
            + "subject_key, content_hash, payload, warnings, received_at, state";
    private static final String INSERT_VERSION = "INSERT INTO cg_record_version (" + VERSION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HEAD = "INSERT INTO cg_record_head (record_id, dataset, business_key, "
            + "department, current_version, content_hash, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    // the current_version condition is the optimistic lock: two writers of version n+1 cannot both move the head
    // a shielded record stays shielded: a later version (a revocation recorded after a repair) is data for audit
    private static final String MOVE_HEAD = "UPDATE cg_record_head SET current_version = ?, content_hash = ?, "
            + "state = CASE WHEN state = 'SHIELDED' THEN 'SHIELDED' ELSE ? END, updated_at = ? "
            + "WHERE record_id = ? AND current_version = ?";
    private static final String SUPERSEDE = "UPDATE cg_record_version SET state = 'SUPERSEDED' "
            + "WHERE record_id = ? AND version = ?";
    private static final String QUEUE_VERSION = "UPDATE cg_record_version SET state = 'QUEUED' "
            + "WHERE record_id = ? AND version = ? AND state = 'VALIDATED'";
    private static final String QUEUE_HEAD = "UPDATE cg_record_head SET state = 'QUEUED', updated_at = ? "
            + "WHERE record_id = ? AND current_version = ? AND state = 'VALIDATED'";
    private static final String INSERT_REJECTION = "INSERT INTO cg_rejection (department, received_at, dataset, "
            + "sender_ref, payload, errors) VALUES (?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    public JdbcLedger(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    private static final String HEAD_COLUMNS = "SELECT record_id, dataset, business_key, department, current_version, "
            + "content_hash, state, updated_at FROM cg_record_head ";

    @Override
    public Optional<RecordHead> head(String recordId) {
        return jdbc.queryOne(HEAD_COLUMNS + "WHERE record_id = ?", JdbcLedger::toHead, recordId);
    }

    @Override
    public Optional<RecordHead> headByKey(String dataset, String businessKey) {
        // the unique key (dataset, business_key) is also the index this lookup uses
        return jdbc.queryOne(HEAD_COLUMNS + "WHERE dataset = ? AND business_key = ?", JdbcLedger::toHead, dataset,
                businessKey);
    }

    @Override
    public List<RecordHead> headsOfSubject(String subjectKey, int limit) {
        // cg_record_version_subject (V12) finds the versions; a record whose subject was corrected is found by both
        return jdbc.query(HEAD_COLUMNS + "WHERE record_id IN (SELECT record_id FROM cg_record_version "
                + "WHERE subject_key = ?) ORDER BY updated_at DESC, record_id LIMIT ?", JdbcLedger::toHead, subjectKey,
                limit);
    }

    private static RecordHead toHead(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RecordHead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), RecordState.valueOf(rs.getString(7)), instant(rs, 8));
    }

    @Override
    public Optional<RecordVersion> version(String recordId, int version) {
        return jdbc.queryOne("SELECT " + VERSION_COLUMNS + " FROM cg_record_version "
                + "WHERE record_id = ? AND version = ?", JdbcLedger::toVersion, recordId, version);
    }

    @Override
    public void accept(List<RecordVersion> versions) {
        if (!versions.isEmpty()) {
            jdbc.inTransaction(c -> accept(c, versions));
        }
    }

    private static void accept(Connection c, List<RecordVersion> versions) throws SQLException {
        try (PreparedStatement insertVersion = c.prepareStatement(INSERT_VERSION);
                PreparedStatement insertHead = c.prepareStatement(INSERT_HEAD);
                PreparedStatement moveHead = c.prepareStatement(MOVE_HEAD);
                PreparedStatement supersede = c.prepareStatement(SUPERSEDE);
                HistoryWriter history = new HistoryWriter(c)) {
            List<RecordVersion> updates = new ArrayList<>();
            for (RecordVersion v : versions) {
                bindVersion(insertVersion, v);
                insertVersion.addBatch();
                if (v.version() == 1) {
                    bindNewHead(insertHead, v);
                    insertHead.addBatch();
                } else {
                    bindMovedHead(moveHead, v);
                    moveHead.addBatch();
                    supersede.setString(1, v.recordId());
                    supersede.setInt(2, v.version() - 1);
                    supersede.addBatch();
                    history.add(v.recordId(), v.version() - 1, v.receivedAt(), "SUPERSEDED",
                            "replaced by version " + v.version());
                    updates.add(v);
                }
                history.add(v.recordId(), v.version(), v.receivedAt(), "RECEIVED_VALID",
                        v.op() + " from " + v.department());
            }
            // batches run in list order, so a batch holding versions 1 and 2 of one record inserts, then moves the head
            insertVersion.executeBatch();
            executeBatch(insertHead, versions.size() - updates.size());
            requireHeadsMoved(executeBatch(moveHead, updates.size()), updates);
            executeBatch(supersede, updates.size());
            history.flush();
        }
    }

    /** A head that did not move was not at version n-1 any more: another writer stored a newer version first. */
    private static void requireHeadsMoved(int[] counts, List<RecordVersion> updates) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                RecordVersion v = updates.get(i);
                throw new LedgerConflictException("record " + v.recordId() + " is not at version " + (v.version() - 1)
                        + ", cannot store version " + v.version(), null);
            }
        }
    }

    @Override
    public void markQueued(List<VersionRef> refs, Instant at) {
        if (!refs.isEmpty()) {
            jdbc.inTransaction(c -> markQueued(c, refs, at));
        }
    }

    private static void markQueued(Connection c, List<VersionRef> refs, Instant at) throws SQLException {
        try (PreparedStatement version = c.prepareStatement(QUEUE_VERSION);
                PreparedStatement head = c.prepareStatement(QUEUE_HEAD);
                HistoryWriter history = new HistoryWriter(c)) {
            for (VersionRef r : refs) {
                version.setString(1, r.recordId());
                version.setInt(2, r.version());
                version.addBatch();
            }
            int[] changed = version.executeBatch();
            int moved = 0;
            for (int i = 0; i < changed.length; i++) {
                // a version already QUEUED (a recovery re-send) or SUPERSEDED meanwhile has nothing to record
                if (changed[i] != 0) {
                    VersionRef r = refs.get(i);
                    head.setObject(1, utc(at));
                    head.setString(2, r.recordId());
                    head.setInt(3, r.version());
                    head.addBatch();
                    history.add(r.recordId(), r.version(), at, "QUEUED", "confirmed by the broker");
                    moved++;
                }
            }
            executeBatch(head, moved);
            history.flush();
        }
    }

    @Override
    public List<RecordVersion> unqueued(Instant before, int limit) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM cg_record_version WHERE state = 'VALIDATED' "
                + "AND received_at < ? ORDER BY received_at, record_id, version LIMIT ?", JdbcLedger::toVersion,
                utc(before), limit);
    }

    @Override
    public void reject(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(INSERT_REJECTION)) {
                for (Rejection r : rejections) {
                    p.setString(1, r.department());
                    p.setObject(2, utc(r.receivedAt()));
                    setNullable(p, 3, r.dataset());
                    setNullable(p, 4, r.senderRef());
                    p.setString(5, r.payload());
                    p.setString(6, r.errors());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    @Override
    public List<Rejection> rejections(String department, int offset, int limit) {
        // id breaks ties between rejections of the same instant, so paging never repeats or skips one
        return jdbc.query("SELECT id, department, received_at, dataset, sender_ref, payload, errors FROM cg_rejection "
                + "WHERE department = ? ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?",
                rs -> new Rejection(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), department, limit, offset);
    }

    @Override
    public List<HistoryEvent> history(String recordId) {
        return jdbc.query("SELECT record_id, version, event_at, event, detail FROM cg_history WHERE record_id = ? "
                + "ORDER BY id", rs -> new HistoryEvent(rs.getString(1), rs.getInt(2), instant(rs, 3), rs.getString(4),
                        rs.getString(5)), recordId);
    }

    @Override
    public Map<RecordState, Long> countByState() {
        Map<RecordState, Long> m = new EnumMap<>(RecordState.class);
        jdbc.query("SELECT state, COUNT(*) FROM cg_record_version GROUP BY state",
                rs -> m.put(RecordState.valueOf(rs.getString(1)), rs.getLong(2)));
        return m;
    }

    @Override
    public Optional<String> watermark(String connectorId) {
        return jdbc.queryOne("SELECT wm_value FROM cg_watermark WHERE connector_id = ?", rs -> rs.getString(1),
                connectorId);
    }

    @Override
    public void setWatermark(String connectorId, String value, Instant at, String reason) {
        jdbc.inTransaction(c -> {
            if (value == null) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM cg_watermark WHERE connector_id = ?")) {
                    p.setString(1, connectorId);
                    p.executeUpdate();
                }
            } else {
                int moved;
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE cg_watermark SET wm_value = ?, updated_at = ? WHERE connector_id = ?")) {
                    p.setString(1, value);
                    p.setObject(2, utc(at));
                    p.setString(3, connectorId);
                    moved = p.executeUpdate();
                }
                if (moved == 0) {
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO cg_watermark (connector_id, wm_value, updated_at) VALUES (?, ?, ?)")) {
                        p.setString(1, connectorId);
                        p.setString(2, value);
                        p.setObject(3, utc(at));
                        p.executeUpdate();
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cg_watermark_log (connector_id, wm_value, set_at, reason) VALUES (?, ?, ?, ?)")) {
                p.setString(1, connectorId);
                setNullable(p, 2, value);
                p.setObject(3, utc(at));
                p.setString(4, reason.length() > 256 ? reason.substring(0, 256) : reason);
                p.executeUpdate();
            }
        });
    }

    @Override
    public List<WatermarkChange> watermarkLog(String connectorId, int limit) {
        return jdbc.query("SELECT connector_id, wm_value, set_at, reason FROM cg_watermark_log WHERE connector_id = ? "
                + "ORDER BY id DESC LIMIT ?", rs -> new WatermarkChange(rs.getString(1), rs.getString(2),
                        instant(rs, 3), rs.getString(4)), connectorId, limit);
    }

    @Override
    public Map<RecordState, Long> countByState(String department) {
        Map<RecordState, Long> m = new EnumMap<>(RecordState.class);
        jdbc.query("SELECT state, COUNT(*) FROM cg_record_version WHERE department = ? GROUP BY state",
                rs -> m.put(RecordState.valueOf(rs.getString(1)), rs.getLong(2)), department);
        return m;
    }

    @Override
    public void queueDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM cg_delivery WHERE record_id = ? "
                    + "AND version = ? AND upstream = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO cg_delivery (record_id, version, "
                            + "upstream, state, queued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                int added = 0;
                for (Delivery d : deliveries) {
                    exists.setString(1, d.recordId());
                    exists.setInt(2, d.version());
                    exists.setString(3, d.upstream());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    insert.setString(1, d.recordId());
                    insert.setInt(2, d.version());
                    insert.setString(3, d.upstream());
                    insert.setString(4, d.state().name());
                    insert.setObject(5, utc(d.queuedAt()));
                    insert.setObject(6, utc(d.updatedAt()));
                    insert.addBatch();
                    added++;
                }
                executeBatch(insert, added);
            }
        });
    }

    @Override
    public int updateDeliveries(String upstream, List<VersionRef> refs, DeliveryState state, String batchId,
            String receiptId, String error, Instant at) {
        int[] moved = {0};
        jdbc.inTransaction(c -> {
            shieldProof(c, upstream, refs, state, receiptId, error, at);
            try (PreparedStatement p = c.prepareStatement("UPDATE cg_delivery SET state = ?, "
                    + "batch_id = COALESCE(?, batch_id), receipt_id = COALESCE(?, receipt_id), "
                    + "error = COALESCE(?, error), updated_at = ? WHERE record_id = ? AND version = ? AND upstream = ?")) {
                for (VersionRef r : refs) {
                    p.setString(1, state.name());
                    setNullable(p, 2, batchId);
                    setNullable(p, 3, receiptId);
                    setNullable(p, 4, error);
                    p.setObject(5, utc(at));
                    p.setString(6, r.recordId());
                    p.setInt(7, r.version());
                    p.setString(8, upstream);
                    p.addBatch();
                }
                for (int n : executeBatch(p, refs.size())) {
                    moved[0] += n > 0 ? n : 0;
                }
            }
        });
        return moved[0];
    }

    /**
     * The shield proof moves with the shield's deliveries: sent → dispatched, accepted → dispatched + acked with the
     * receipt, rejected → the error. A ref that is no shield's record matches no row.
     */
    private static void shieldProof(Connection c, String upstream, List<VersionRef> refs, DeliveryState state,
            String receiptId, String error, Instant at) throws SQLException {
        if (state != DeliveryState.SENT && state != DeliveryState.ACCEPTED && state != DeliveryState.REJECTED) {
            return;
        }
        boolean acked = state == DeliveryState.ACCEPTED;
        try (PreparedStatement p = c.prepareStatement("UPDATE cg_shield_dispatch SET dispatched_at = "
                + "COALESCE(dispatched_at, ?), acked_at = COALESCE(acked_at, ?), receipt_id = COALESCE(receipt_id, ?), "
                + "error = COALESCE(?, error) WHERE upstream = ? AND shield_id IN "
                + "(SELECT shield_id FROM cg_shield WHERE record_id = ?)")) {
            for (VersionRef r : refs) {
                p.setObject(1, utc(at));
                if (acked) {
                    p.setObject(2, utc(at));
                } else {
                    p.setNull(2, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                }
                setNullable(p, 3, acked ? receiptId : null);
                setNullable(p, 4, state == DeliveryState.REJECTED ? error : null);
                p.setString(5, upstream);
                p.setString(6, r.recordId());
                p.addBatch();
            }
            executeBatch(p, refs.size());
        }
    }

    @Override
    public ShieldEntry applyShield(ShieldEntry shield) {
        return storeShield(shield, java.util.Set.of());
    }

    @Override
    public ShieldEntry applyPlatformShield(ShieldEntry shield, java.util.Set<String> platforms) {
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("shield " + shield.shieldId() + " names no platform to take effect on");
        }
        return storeShield(shield, platforms);
    }

    @Override
    public java.util.Set<String> shieldedPlatforms(String recordId) {
        return new java.util.TreeSet<>(jdbc.query("SELECT DISTINCT d.upstream FROM cg_shield s JOIN cg_shield_dispatch d "
                + "ON d.shield_id = s.shield_id WHERE s.target_record_id = ?", rs -> rs.getString(1), recordId));
    }

    /** platforms empty: the whole record; else only on those platforms. */
    private ShieldEntry storeShield(ShieldEntry shield, java.util.Set<String> platforms) {
        ShieldEntry[] stored = {shield};
        jdbc.inTransaction(c -> {
            Optional<ShieldEntry> existing = shield(c, shield.shieldId());
            if (existing.isPresent()) {
                stored[0] = existing.get();
                return;
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cg_shield (shield_id, record_id, "
                    + "target_record_id, target_dataset, cause, decision_ref, effective_at, source, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, shield.shieldId());
                p.setString(2, shield.recordId());
                p.setString(3, shield.targetRecordId());
                p.setString(4, shield.targetDataset());
                p.setString(5, shield.cause());
                setNullable(p, 6, shield.decisionRef());
                p.setObject(7, shield.effectiveAt() == null ? null : utc(shield.effectiveAt()));
                p.setString(8, shield.source());
                p.setObject(9, utc(shield.createdAt()));
                p.executeUpdate();
            }
            shieldTarget(c, shield, platforms);
        });
        return stored[0];
    }

    private static void shieldTarget(Connection c, ShieldEntry shield, java.util.Set<String> platforms)
            throws SQLException {
        Instant at = shield.createdAt();
        String target = shield.targetRecordId();
        int current;
        String state;
        try (PreparedStatement q = c.prepareStatement("SELECT current_version, state FROM cg_record_head "
                + "WHERE record_id = ?")) {
            q.setString(1, target);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("shield " + shield.shieldId() + " for record " + target
                            + ", which the ledger does not hold");
                }
                current = rs.getInt(1);
                state = rs.getString(2);
            }
        }
        List<String[]> queued = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT version, upstream FROM cg_delivery WHERE record_id = ? "
                + "AND state = 'QUEUED' ORDER BY version, upstream")) {
            q.setString(1, target);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (platforms.isEmpty() || platforms.contains(rs.getString(2))) {
                        queued.add(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2)});
                    }
                }
            }
        }
        try (HistoryWriter history = new HistoryWriter(c)) {
            if (!platforms.isEmpty()) {
                history.add(target, current, at, "SHIELDED_AT", cut(String.join(", ", platforms) + ": "
                        + shield.cause() + " by shield " + shield.shieldId() + " from " + shield.source()
                        + "; still published locally"));
                try (PreparedStatement p = c.prepareStatement("UPDATE cg_delivery SET state = 'SUPPRESSED', "
                        + "updated_at = ? WHERE record_id = ? AND version = ? AND upstream = ? AND state = 'QUEUED'")) {
                    for (String[] q : queued) {
                        p.setObject(1, utc(at));
                        p.setString(2, target);
                        p.setInt(3, Integer.parseInt(q[0]));
                        p.setString(4, q[1]);
                        p.addBatch();
                    }
                    executeBatch(p, queued.size());
                }
                for (String[] q : queued) {
                    history.add(target, Integer.parseInt(q[0]), at, "SUPPRESSED", "not to be sent to " + q[1]
                            + ": shielded there before it was sent");
                }
                history.flush();
                return;
            }
            if (!RecordState.SHIELDED.name().equals(state)) {
                try (PreparedStatement head = c.prepareStatement("UPDATE cg_record_head SET state = 'SHIELDED', "
                        + "updated_at = ? WHERE record_id = ?");
                        PreparedStatement version = c.prepareStatement("UPDATE cg_record_version SET state = "
                                + "'SHIELDED' WHERE record_id = ? AND version = ?")) {
                    head.setObject(1, utc(at));
                    head.setString(2, target);
                    head.executeUpdate();
                    version.setString(1, target);
                    version.setInt(2, current);
                    version.executeUpdate();
                }
            }
            history.add(target, current, at, "SHIELDED", cut(shield.cause() + " by shield " + shield.shieldId()
                    + " from " + shield.source()));
            if (!queued.isEmpty()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE cg_delivery SET state = 'SUPPRESSED', "
                        + "updated_at = ? WHERE record_id = ? AND state = 'QUEUED'")) {
                    p.setObject(1, utc(at));
                    p.setString(2, target);
                    p.executeUpdate();
                }
                for (String[] q : queued) {
                    history.add(target, Integer.parseInt(q[0]), at, "SUPPRESSED", "not to be sent to " + q[1]
                            + ": shielded before it was sent");
                }
            }
            history.flush();
        }
    }

    private static String cut(String s) {
        return s.length() > 1024 ? s.substring(0, 1024) : s;
    }

    @Override
    public void queueShieldDispatches(String shieldId, Map<String, Integer> targetVersions, Instant at) {
        if (targetVersions.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM cg_shield_dispatch WHERE shield_id = ? "
                    + "AND upstream = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO cg_shield_dispatch (shield_id, "
                            + "upstream, target_version, queued_at, resends) VALUES (?, ?, ?, ?, 0)")) {
                int added = 0;
                for (Map.Entry<String, Integer> t : targetVersions.entrySet()) {
                    exists.setString(1, shieldId);
                    exists.setString(2, t.getKey());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    insert.setString(1, shieldId);
                    insert.setString(2, t.getKey());
                    insert.setInt(3, t.getValue());
                    insert.setObject(4, utc(at));
                    insert.addBatch();
                    added++;
                }
                executeBatch(insert, added);
            }
        });
    }

    @Override
    public boolean shieldDispatching(String shieldRecordId, String upstream, Instant at) {
        boolean[] open = {true};
        jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT d.acked_at FROM cg_shield_dispatch d JOIN cg_shield s "
                    + "ON s.shield_id = d.shield_id WHERE s.record_id = ? AND d.upstream = ?")) {
                q.setString(1, shieldRecordId);
                q.setString(2, upstream);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        open[0] = false;
                        return;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE cg_shield_dispatch SET dispatched_at = ? "
                    + "WHERE upstream = ? AND dispatched_at IS NULL AND shield_id IN "
                    + "(SELECT shield_id FROM cg_shield WHERE record_id = ?)")) {
                p.setObject(1, utc(at));
                p.setString(2, upstream);
                p.setString(3, shieldRecordId);
                p.executeUpdate();
            }
        });
        return open[0];
    }

    private static final String SHIELD_COLUMNS = "shield_id, record_id, target_record_id, target_dataset, cause, "
            + "decision_ref, effective_at, source, created_at";
    private static final String DISPATCH_COLUMNS = "shield_id, upstream, target_version, queued_at, dispatched_at, "
            + "acked_at, receipt_id, error, resends, last_resent_at, alerted_at";

    private static Optional<ShieldEntry> shield(Connection c, String shieldId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + SHIELD_COLUMNS + " FROM cg_shield "
                + "WHERE shield_id = ?")) {
            q.setString(1, shieldId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(toShield(rs)) : Optional.empty();
            }
        }
    }

    private static ShieldEntry toShield(ResultSet rs) throws SQLException {
        return new ShieldEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9));
    }

    private static ShieldDispatch toDispatch(ResultSet rs) throws SQLException {
        return new ShieldDispatch(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6), rs.getString(7), rs.getString(8), rs.getInt(9), instant(rs, 10), instant(rs, 11));
    }

    @Override
    public Optional<ShieldEntry> shield(String shieldId) {
        return jdbc.queryOne("SELECT " + SHIELD_COLUMNS + " FROM cg_shield WHERE shield_id = ?", JdbcLedger::toShield,
                shieldId);
    }

    @Override
    public List<ShieldEntry> shieldsOf(String targetRecordId) {
        return jdbc.query("SELECT " + SHIELD_COLUMNS + " FROM cg_shield WHERE target_record_id = ? "
                + "ORDER BY created_at, shield_id", JdbcLedger::toShield, targetRecordId);
    }

    @Override
    public List<ShieldDispatch> shieldDispatches(String shieldId) {
        return jdbc.query("SELECT " + DISPATCH_COLUMNS + " FROM cg_shield_dispatch WHERE shield_id = ? "
                + "ORDER BY upstream", JdbcLedger::toDispatch, shieldId);
    }

    @Override
    public List<ShieldDispatch> openShieldDispatches(int limit) {
        return jdbc.query("SELECT " + DISPATCH_COLUMNS + " FROM cg_shield_dispatch WHERE acked_at IS NULL "
                + "ORDER BY queued_at, shield_id, upstream LIMIT ?", JdbcLedger::toDispatch, limit);
    }

    @Override
    public void noteShieldResend(String shieldId, String upstream, Instant at) {
        jdbc.update("UPDATE cg_shield_dispatch SET resends = resends + 1, last_resent_at = ? WHERE shield_id = ? "
                + "AND upstream = ?", utc(at), shieldId, upstream);
    }

    @Override
    public void noteShieldAlert(String shieldId, String upstream, Instant at) {
        jdbc.update("UPDATE cg_shield_dispatch SET alerted_at = COALESCE(alerted_at, ?) WHERE shield_id = ? "
                + "AND upstream = ?", utc(at), shieldId, upstream);
    }

    private static final String OBJECTION_COLUMNS = "objection_id, record_id, record_version, target_record_id, "
            + "target_dataset, target_version, provider, source, submitted_on, forwarded_on, due_on, status, result_on, "
            + "corrected_version, opened_at, resolved_at, overdue_alerted_at";

    private static ObjectionEntry toObjection(ResultSet rs) throws SQLException {
        return new ObjectionEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                ObjectionStatus.valueOf(rs.getString(12)), rs.getObject(13, LocalDate.class),
                nullIfAbsent(rs, 14), instant(rs, 15),
                instant(rs, 16), instant(rs, 17));
    }

    private static Integer nullIfAbsent(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getInt(column);
    }

    private static Optional<ObjectionEntry> objection(Connection c, String objectionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + OBJECTION_COLUMNS + " FROM cg_objection "
                + "WHERE objection_id = ?")) {
            q.setString(1, objectionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(toObjection(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public ObjectionEntry openObjection(ObjectionEntry o) {
        ObjectionEntry[] stored = {o};
        jdbc.inTransaction(c -> {
            Optional<ObjectionEntry> existing = objection(c, o.objectionId());
            if (existing.isPresent()) {
                // a changed opening (a later version of the objection record) is applied: nothing else moves
                if (o.recordVersion() > existing.get().recordVersion()) {
                    try (PreparedStatement p = c.prepareStatement("UPDATE cg_objection SET record_version = ? "
                            + "WHERE objection_id = ?")) {
                        p.setInt(1, o.recordVersion());
                        p.setString(2, o.objectionId());
                        p.executeUpdate();
                    }
                    existing = objection(c, o.objectionId());
                }
                stored[0] = existing.get();
                return;
            }
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM cg_record_head WHERE record_id = ?")) {
                q.setString(1, o.targetRecordId());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("objection " + o.objectionId() + " for record "
                                + o.targetRecordId() + ", which the ledger does not hold");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cg_objection (" + OBJECTION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, o.objectionId());
                p.setString(2, o.recordId());
                p.setInt(3, o.recordVersion());
                p.setString(4, o.targetRecordId());
                p.setString(5, o.targetDataset());
                p.setInt(6, o.targetVersion());
                p.setString(7, o.provider());
                p.setString(8, o.source());
                p.setObject(9, o.submittedOn());
                p.setObject(10, o.forwardedOn());
                p.setObject(11, o.dueOn());
                p.setString(12, o.status().name());
                p.setObject(13, o.resultOn());
                p.setObject(14, o.correctedVersion());
                p.setObject(15, utc(o.openedAt()));
                p.setObject(16, o.resolvedAt() == null ? null : utc(o.resolvedAt()));
                p.setObject(17, o.overdueAlertedAt() == null ? null : utc(o.overdueAlertedAt()));
                p.executeUpdate();
            }
            try (HistoryWriter history = new HistoryWriter(c)) {
                history.add(o.targetRecordId(), o.targetVersion(), o.openedAt(), "OBJECTION_PENDING",
                        cut("objection " + o.objectionId() + " from " + o.source() + ", verification by "
                                + o.provider() + " due " + o.dueOn() + "; joint punishment suspended"));
                history.flush();
            }
        });
        return stored[0];
    }

    @Override
    public Optional<ObjectionEntry> resolveObjection(String objectionId, ObjectionStatus result, LocalDate resultOn,
            Integer correctedVersion, int recordVersion, Instant at) {
        if (result == ObjectionStatus.PENDING) {
            throw new IllegalArgumentException("PENDING is no result");
        }
        List<Optional<ObjectionEntry>> after = new ArrayList<>(1);
        jdbc.inTransaction(c -> {
            Optional<ObjectionEntry> before = objection(c, objectionId);
            if (before.isEmpty()) {
                after.add(before);
                return;
            }
            // the version moves on even when the result was applied before: the watch must not catch it up again
            try (PreparedStatement p = c.prepareStatement("UPDATE cg_objection SET record_version = "
                    + "GREATEST(record_version, ?), status = CASE WHEN status = 'PENDING' THEN ? ELSE status END, "
                    + "result_on = CASE WHEN status = 'PENDING' THEN ? ELSE result_on END, "
                    + "corrected_version = CASE WHEN status = 'PENDING' THEN ? ELSE corrected_version END, "
                    + "resolved_at = CASE WHEN status = 'PENDING' THEN ? ELSE resolved_at END "
                    + "WHERE objection_id = ?")) {
                p.setInt(1, recordVersion);
                p.setString(2, result.name());
                p.setObject(3, resultOn);
                p.setObject(4, correctedVersion);
                p.setObject(5, utc(at));
                p.setString(6, objectionId);
                p.executeUpdate();
            }
            ObjectionEntry o = before.get();
            if (o.pending()) {
                try (HistoryWriter history = new HistoryWriter(c)) {
                    history.add(o.targetRecordId(), correctedVersion != null ? correctedVersion : o.targetVersion(),
                            at, "OBJECTION_" + result.name(), cut("objection " + o.objectionId() + " verified "
                                    + result + " on " + resultOn + (correctedVersion != null ? ", corrected version "
                                            + correctedVersion : "") + "; objection flag cleared"));
                    history.flush();
                }
            }
            after.add(objection(c, objectionId));
        });
        return after.get(0);
    }

    @Override
    public Optional<ObjectionEntry> objection(String objectionId) {
        return jdbc.queryOne("SELECT " + OBJECTION_COLUMNS + " FROM cg_objection WHERE objection_id = ?",
                JdbcLedger::toObjection, objectionId);
    }

    @Override
    public List<ObjectionEntry> objectionsOf(String targetRecordId) {
        return jdbc.query("SELECT " + OBJECTION_COLUMNS + " FROM cg_objection WHERE target_record_id = ? "
                + "ORDER BY opened_at, objection_id", JdbcLedger::toObjection, targetRecordId);
    }

    @Override
    public List<ObjectionEntry> objections(String provider, boolean pendingOnly, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (provider != null) {
            where.append(" AND provider = ?");
            params.add(provider);
        }
        if (pendingOnly) {
            where.append(" AND status = 'PENDING'");
        }
        params.add(limit);
        return jdbc.query("SELECT " + OBJECTION_COLUMNS + " FROM cg_objection" + where
                + " ORDER BY due_on, objection_id LIMIT ?", JdbcLedger::toObjection, params.toArray());
    }

    @Override
    public void noteObjectionOverdue(String objectionId, Instant at) {
        jdbc.update("UPDATE cg_objection SET overdue_alerted_at = COALESCE(overdue_alerted_at, ?) "
                + "WHERE objection_id = ?", utc(at), objectionId);
    }

    @Override
    public List<VersionRef> objectionsBehind(int limit) {
        return jdbc.query("SELECT h.record_id, h.current_version FROM cg_record_head h LEFT JOIN cg_objection o "
                + "ON o.record_id = h.record_id WHERE h.dataset = 'OBJECTION' AND h.state <> 'VALIDATED' "
                + "AND (o.record_id IS NULL OR o.record_version < h.current_version) "
                + "ORDER BY h.updated_at, h.record_id LIMIT ?", rs -> new VersionRef(rs.getString(1), rs.getInt(2)),
                limit);
    }

    @Override
    public Optional<DeliveryState> claimDelivery(String upstream, VersionRef ref, Instant at) {
        int claimed = jdbc.update("UPDATE cg_delivery SET state = 'SENT', updated_at = ? WHERE record_id = ? AND "
                + "version = ? AND upstream = ? AND state = 'QUEUED'", utc(at), ref.recordId(), ref.version(), upstream);
        if (claimed > 0) {
            return Optional.of(DeliveryState.SENT);
        }
        return jdbc.queryOne("SELECT state FROM cg_delivery WHERE record_id = ? AND version = ? AND upstream = ?",
                rs -> DeliveryState.valueOf(rs.getString(1)), ref.recordId(), ref.version(), upstream);
    }

    @Override
    public List<Delivery> deliveries(String recordId) {
        return jdbc.query("SELECT record_id, version, upstream, state, batch_id, receipt_id, error, queued_at, "
                + "updated_at FROM cg_delivery WHERE record_id = ? ORDER BY version, upstream",
                rs -> new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3), DeliveryState.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9)), recordId);
    }

    @Override
    public Map<DeliveryState, Long> countDeliveries(String upstream) {
        Map<DeliveryState, Long> m = new EnumMap<>(DeliveryState.class);
        jdbc.query("SELECT state, COUNT(*) FROM cg_delivery WHERE upstream = ? GROUP BY state",
                rs -> m.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2)), upstream);
        return m;
    }

    @Override
    public List<RecordVersion> currentVersions(java.util.Collection<String> datasets, Instant since, int limit) {
        if (datasets.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(datasets.size(), "?"));
        List<Object> params = new ArrayList<>(datasets);
        params.add(utc(since));
        params.add(limit);
        String columns = "v." + VERSION_COLUMNS.replace(", ", ", v.");
        return jdbc.query("SELECT " + columns + " FROM cg_record_head h JOIN cg_record_version v ON v.record_id = "
                + "h.record_id AND v.version = h.current_version WHERE h.dataset IN (" + in + ") AND v.received_at >= ? "
                + "ORDER BY v.received_at, v.record_id LIMIT ?", JdbcLedger::toVersion, params.toArray());
    }

    @Override
    public List<RecordVersion> expiryCandidates(java.util.Collection<String> datasets, String afterRecordId,
            int limit) {
        if (datasets.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(datasets.size(), "?"));
        List<Object> params = new ArrayList<>(datasets);
        params.add(afterRecordId == null ? "" : afterRecordId);
        params.add(limit);
        String columns = "v." + VERSION_COLUMNS.replace(", ", ", v.");
        return jdbc.query("SELECT " + columns + " FROM cg_record_head h JOIN cg_record_version v ON v.record_id = "
                + "h.record_id AND v.version = h.current_version WHERE h.dataset IN (" + in + ") AND h.record_id > ? "
                + "AND v.op <> 'DELETE' AND NOT EXISTS (SELECT 1 FROM cg_shield s WHERE s.target_record_id = "
                + "h.record_id AND s.cause <> 'EXPIRED') ORDER BY h.record_id LIMIT ?", JdbcLedger::toVersion,
                params.toArray());
    }

    @Override
    public List<UpstreamDelivery> deliveriesTo(String upstream) {
        return jdbc.query("SELECT d.record_id, d.version, d.upstream, d.state, d.batch_id, d.receipt_id, d.error, "
                + "d.queued_at, d.updated_at, h.dataset, h.current_version FROM cg_delivery d JOIN cg_record_head h "
                + "ON h.record_id = d.record_id WHERE d.upstream = ? ORDER BY d.record_id, d.version",
                rs -> new UpstreamDelivery(new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3),
                        DeliveryState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        instant(rs, 8), instant(rs, 9)), rs.getString(10), rs.getInt(11)), upstream);
    }

    @Override
    public Map<VersionRef, AutoResends> autoResends(String upstream) {
        Map<VersionRef, AutoResends> m = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT record_id, version, upstream, tries, last_try_at, dead_lettered_at FROM cg_delivery_resend "
                + "WHERE upstream = ? ORDER BY record_id, version", rs -> {
                    AutoResends r = new AutoResends(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                            instant(rs, 5), instant(rs, 6));
                    return m.put(r.ref(), r);
                }, upstream);
        return m;
    }

    @Override
    public int countAutoResend(String upstream, VersionRef ref, Instant at) {
        int[] tries = {0};
        // update, else insert: portable between H2 and PostgreSQL (no MERGE/ON CONFLICT dialects)
        jdbc.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE cg_delivery_resend SET tries = tries + 1, "
                    + "last_try_at = ? WHERE record_id = ? AND version = ? AND upstream = ?")) {
                up.setObject(1, utc(at));
                up.setString(2, ref.recordId());
                up.setInt(3, ref.version());
                up.setString(4, upstream);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO cg_delivery_resend (record_id, "
                            + "version, upstream, tries, last_try_at) VALUES (?, ?, ?, 1, ?)")) {
                        in.setString(1, ref.recordId());
                        in.setInt(2, ref.version());
                        in.setString(3, upstream);
                        in.setObject(4, utc(at));
                        in.executeUpdate();
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT tries FROM cg_delivery_resend WHERE record_id = ? "
                    + "AND version = ? AND upstream = ?")) {
                q.setString(1, ref.recordId());
                q.setInt(2, ref.version());
                q.setString(3, upstream);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    tries[0] = rs.getInt(1);
                }
            }
        });
        return tries[0];
    }

    @Override
    public void markDeadLettered(String upstream, VersionRef ref, Instant at) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE cg_delivery_resend SET dead_lettered_at = ? "
                    + "WHERE record_id = ? AND version = ? AND upstream = ?")) {
                p.setObject(1, utc(at));
                p.setString(2, ref.recordId());
                p.setInt(3, ref.version());
                p.setString(4, upstream);
                if (p.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO cg_delivery_resend (record_id, "
                            + "version, upstream, tries, last_try_at, dead_lettered_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                        in.setString(1, ref.recordId());
                        in.setInt(2, ref.version());
                        in.setString(3, upstream);
                        in.setObject(4, utc(at));
                        in.setObject(5, utc(at));
                        in.executeUpdate();
                    }
                }
            }
        });
    }

    @Override
    public void saveReconciliation(String upstream, Instant runAt, String reportJson) {
        jdbc.update("INSERT INTO cg_reconciliation (upstream, run_at, report) VALUES (?, ?, ?)", upstream, utc(runAt),
                reportJson);
    }

    @Override
    public Optional<ReconciliationRun> latestReconciliation(String upstream) {
        return jdbc.queryOne("SELECT id, upstream, run_at, report FROM cg_reconciliation WHERE upstream = ? "
                + "ORDER BY id DESC LIMIT 1", JdbcLedger::toRun, upstream);
    }

    @Override
    public List<ReconciliationRun> latestReconciliations() {
        return jdbc.query("SELECT r.id, r.upstream, r.run_at, r.report FROM cg_reconciliation r WHERE r.id = "
                + "(SELECT MAX(x.id) FROM cg_reconciliation x WHERE x.upstream = r.upstream) ORDER BY r.upstream",
                JdbcLedger::toRun);
    }

    private static ReconciliationRun toRun(ResultSet rs) throws SQLException {
        return new ReconciliationRun(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4));
    }

    @Override
    public boolean isHealthy() {
        return jdbc.isHealthy();
    }

    private static RecordVersion toVersion(ResultSet rs) throws SQLException {
        return new RecordVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11),
                RecordState.valueOf(rs.getString(12)));
    }

    private static void bindVersion(PreparedStatement p, RecordVersion v) throws SQLException {
        p.setString(1, v.recordId());
        p.setInt(2, v.version());
        p.setString(3, v.op());
        p.setString(4, v.dataset());
        p.setString(5, v.department());
        p.setString(6, v.businessKey());
        p.setString(7, v.subjectKey());
        p.setString(8, v.contentHash());
        p.setString(9, v.payload());
        p.setString(10, v.warnings());
        p.setObject(11, utc(v.receivedAt()));
        p.setString(12, v.state().name());
    }

    private static void bindNewHead(PreparedStatement p, RecordVersion v) throws SQLException {
        p.setString(1, v.recordId());
        p.setString(2, v.dataset());
        p.setString(3, v.businessKey());
        p.setString(4, v.department());
        p.setInt(5, v.version());
        p.setString(6, v.contentHash());
        p.setString(7, v.state().name());
        p.setObject(8, utc(v.receivedAt()));
    }

    private static void bindMovedHead(PreparedStatement p, RecordVersion v) throws SQLException {
        p.setInt(1, v.version());
        p.setString(2, v.contentHash());
        p.setString(3, v.state().name());
        p.setObject(4, utc(v.receivedAt()));
        p.setString(5, v.recordId());
        p.setInt(6, v.version() - 1);
    }
}
