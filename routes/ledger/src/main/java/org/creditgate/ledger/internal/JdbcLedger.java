package org.creditgate.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.creditgate.ledger.HistoryEvent;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerConflictException;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.ledger.VersionRef;

/**
 * The ledger over plain JDBC. Every write is one transaction of batched statements, so storing a push of 100
 * records costs a handful of round trips, not hundreds.
 */
public final class JdbcLedger implements Ledger {

    private static final String VERSION_COLUMNS = "record_id, version, op, dataset, department, business_key, "
            + "subject_key, content_hash, payload, warnings, received_at, state";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource ds;

    public JdbcLedger(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Optional<RecordHead> head(String recordId) {
        return queryOne("SELECT record_id, dataset, business_key, department, current_version, content_hash, state, "
                + "updated_at FROM cg_record_head WHERE record_id = ?", rs -> new RecordHead(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        RecordState.valueOf(rs.getString(7)), instant(rs, 8)), recordId);
    }

    @Override
    public Optional<RecordVersion> version(String recordId, int version) {
        return queryOne("SELECT " + VERSION_COLUMNS + " FROM cg_record_version WHERE record_id = ? AND version = ?",
                JdbcLedger::toVersion, recordId, version);
    }

    @Override
    public void accept(List<RecordVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement insertVersion = c.prepareStatement("INSERT INTO cg_record_version (" + VERSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement insertHead = c.prepareStatement("INSERT INTO cg_record_head (record_id, dataset, "
                            + "business_key, department, current_version, content_hash, state, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement moveHead = c.prepareStatement("UPDATE cg_record_head SET current_version = ?, "
                            + "content_hash = ?, state = ?, updated_at = ? WHERE record_id = ? AND current_version = ?");
                    PreparedStatement supersede = c.prepareStatement("UPDATE cg_record_version SET state = 'SUPERSEDED' "
                            + "WHERE record_id = ? AND version = ?");
                    PreparedStatement history = historyInsert(c)) {
                List<RecordVersion> moved = new ArrayList<>();
                for (RecordVersion v : versions) {
                    bindVersion(insertVersion, v);
                    insertVersion.addBatch();
                    if (v.version() == 1) {
                        insertHead.setString(1, v.recordId());
                        insertHead.setString(2, v.dataset());
                        insertHead.setString(3, v.businessKey());
                        insertHead.setString(4, v.department());
                        insertHead.setInt(5, v.version());
                        insertHead.setString(6, v.contentHash());
                        insertHead.setString(7, v.state().name());
                        insertHead.setObject(8, utc(v.receivedAt()));
                        insertHead.addBatch();
                    } else {
                        moveHead.setInt(1, v.version());
                        moveHead.setString(2, v.contentHash());
                        moveHead.setString(3, v.state().name());
                        moveHead.setObject(4, utc(v.receivedAt()));
                        moveHead.setString(5, v.recordId());
                        moveHead.setInt(6, v.version() - 1);
                        moveHead.addBatch();
                        supersede.setString(1, v.recordId());
                        supersede.setInt(2, v.version() - 1);
                        supersede.addBatch();
                        addHistory(history, v.recordId(), v.version() - 1, v.receivedAt(), "SUPERSEDED",
                                "replaced by version " + v.version());
                        moved.add(v);
                    }
                    addHistory(history, v.recordId(), v.version(), v.receivedAt(), "RECEIVED_VALID",
                            v.op() + " from " + v.department());
                }
                insertVersion.executeBatch();
                insertHead.executeBatch();
                int[] movedCounts = moveHead.executeBatch();
                for (int i = 0; i < movedCounts.length; i++) {
                    // 0 rows: the head is not at version-1 any more, someone else stored a newer version first
                    if (movedCounts[i] == 0) {
                        throw new LedgerConflictException("record " + moved.get(i).recordId() + " is no longer at "
                                + "version " + (moved.get(i).version() - 1), null);
                    }
                }
                supersede.executeBatch();
                history.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void markQueued(List<VersionRef> refs, Instant at) {
        if (refs.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement version = c.prepareStatement("UPDATE cg_record_version SET state = 'QUEUED' "
                    + "WHERE record_id = ? AND version = ? AND state = 'VALIDATED'");
                    PreparedStatement head = c.prepareStatement("UPDATE cg_record_head SET state = 'QUEUED', "
                            + "updated_at = ? WHERE record_id = ? AND current_version = ? AND state = 'VALIDATED'");
                    PreparedStatement history = historyInsert(c)) {
                for (VersionRef r : refs) {
                    version.setString(1, r.recordId());
                    version.setInt(2, r.version());
                    version.addBatch();
                    head.setObject(1, utc(at));
                    head.setString(2, r.recordId());
                    head.setInt(3, r.version());
                    head.addBatch();
                    addHistory(history, r.recordId(), r.version(), at, "QUEUED", "confirmed by the broker");
                }
                version.executeBatch();
                head.executeBatch();
                history.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<RecordVersion> unqueued(Instant before, int limit) {
        return query("SELECT " + VERSION_COLUMNS + " FROM cg_record_version WHERE state = 'VALIDATED' AND received_at < ? "
                + "ORDER BY received_at, record_id, version LIMIT ?", JdbcLedger::toVersion, utc(before), limit);
    }

    @Override
    public void reject(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cg_rejection (department, received_at, dataset, "
                    + "sender_ref, payload, errors) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Rejection r : rejections) {
                    p.setString(1, r.department());
                    p.setObject(2, utc(r.receivedAt()));
                    nullable(p, 3, r.dataset());
                    nullable(p, 4, r.senderRef());
                    p.setString(5, r.payload());
                    p.setString(6, r.errors());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Rejection> rejections(String department, int offset, int limit) {
        return query("SELECT id, department, received_at, dataset, sender_ref, payload, errors FROM cg_rejection "
                + "WHERE department = ? ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?",
                rs -> new Rejection(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), department, limit, offset);
    }

    @Override
    public List<HistoryEvent> history(String recordId) {
        return query("SELECT record_id, version, event_at, event, detail FROM cg_history WHERE record_id = ? ORDER BY id",
                rs -> new HistoryEvent(rs.getString(1), rs.getInt(2), instant(rs, 3), rs.getString(4), rs.getString(5)),
                recordId);
    }

    @Override
    public Map<RecordState, Long> countByState() {
        Map<RecordState, Long> m = new EnumMap<>(RecordState.class);
        query("SELECT state, COUNT(*) FROM cg_record_version GROUP BY state",
                rs -> m.put(RecordState.valueOf(rs.getString(1)), rs.getLong(2)));
        return m;
    }

    @Override
    public boolean isHealthy() {
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
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

    private static PreparedStatement historyInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO cg_history (record_id, version, event_at, event, detail) VALUES (?, ?, ?, ?, ?)");
    }

    private static void addHistory(PreparedStatement p, String recordId, int version, Instant at, String event,
            String detail) throws SQLException {
        p.setString(1, recordId);
        p.setInt(2, version);
        p.setObject(3, utc(at));
        p.setString(4, event);
        p.setString(5, detail);
        p.addBatch();
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new LedgerConflictException("already stored by another writer: " + e.getMessage(), e);
            }
            throw new IllegalStateException("ledger write failed: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("ledger read failed: " + e.getMessage(), e);
        }
    }

    private <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
        List<T> all = query(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Unique-key violations arrive as 23505 on H2 and PostgreSQL, sometimes wrapped in a BatchUpdateException. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
            if (x.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void nullable(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }
}
