package org.creditgate.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Collects history events of one transaction into a single batch. */
final class HistoryWriter implements AutoCloseable {

    private final PreparedStatement insert;
    private int added;

    HistoryWriter(Connection c) throws SQLException {
        this.insert = c.prepareStatement("INSERT INTO cg_history (record_id, version, event_at, event, detail) "
                + "VALUES (?, ?, ?, ?, ?)");
    }

    void add(String recordId, int version, Instant at, String event, String detail) throws SQLException {
        insert.setString(1, recordId);
        insert.setInt(2, version);
        insert.setObject(3, Jdbc.utc(at));
        insert.setString(4, event);
        insert.setString(5, detail);
        insert.addBatch();
        added++;
    }

    void flush() throws SQLException {
        Jdbc.executeBatch(insert, added);
        added = 0;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
