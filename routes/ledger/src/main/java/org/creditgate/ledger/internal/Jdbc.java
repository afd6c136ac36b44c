package org.creditgate.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.creditgate.ledger.LedgerConflictException;

/** The few JDBC moves the ledger needs: a transaction, a query, batches, and UTC time stamps. */
final class Jdbc {

    /** SQLState of a unique-key violation; H2 and PostgreSQL both use the standard code. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int HEALTH_TIMEOUT_SECONDS = 2;

    private final DataSource ds;

    Jdbc(DataSource ds) {
        this.ds = ds;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction; unique violations become {@link LedgerConflictException}. */
    void inTransaction(Work work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // the pool would reset it too, but a connection must never go back mid-transaction by accident
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new LedgerConflictException("already stored by another writer: " + e.getMessage(), e);
            }
            throw new IllegalStateException("ledger write failed: " + e.getMessage(), e);
        }
    }

    /** One statement in its own transaction; returns the update count. */
    int update(String sql, Object... params) {
        int[] count = new int[1];
        inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                count[0] = p.executeUpdate();
            }
        });
        return count[0];
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
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

    <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
        List<T> all = query(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    boolean isHealthy() {
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement("SELECT 1")) {
            // a probe that hangs is as bad as one that fails
            p.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Sends a batch, unless nothing was added: an empty batch would still be a call for nothing. */
    static int[] executeBatch(PreparedStatement p, int added) throws SQLException {
        return added == 0 ? new int[0] : p.executeBatch();
    }

    /**
     * Both databases keep microseconds; truncating here (PostgreSQL would round) makes what is read back the same
     * on both, whatever precision the caller's clock has.
     */
    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setNullable(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }

    /** A failed batch may carry the row's error itself, as its next exception or as its cause: look at all three. */
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
}
