package org.creditgate.connector.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import javax.sql.DataSource;

/**
 * Writes the outcome of a page back to the status columns, in one transaction: either the department sees the
 * whole page's outcome and the watermark may advance, or nothing changed and the page is read again.
 */
final class StatusWriter {

    private final TablePollSettings settings;
    private final ExchangeTableSql sql;
    private final Calendar zone;

    StatusWriter(TablePollSettings settings, ExchangeTableSql sql) {
        this.settings = settings;
        this.sql = sql;
        this.zone = Calendar.getInstance(TimeZone.getTimeZone(settings.zone()));
    }

    void write(DataSource ds, List<RowOutcome> outcomes, Instant processedAt) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.writeBack())) {
                Timestamp at = Timestamp.from(processedAt);
                for (RowOutcome o : outcomes) {
                    bind(ps, o, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private void bind(PreparedStatement ps, RowOutcome o, Timestamp processedAt) throws SQLException {
        ps.setString(1, o.status());
        ps.setString(2, o.errorsJson());
        setNullableText(ps, 3, o.recordId());
        ps.setTimestamp(4, processedAt, zone);
        setNullableText(ps, 5, o.fingerprint());
        if (settings.idType() == TablePollSettings.IdType.TEXT) {
            ps.setString(6, (String) o.row().id());
        } else {
            ps.setLong(6, (Long) o.row().id());
        }
        ps.setTimestamp(7, o.row().updatedAt(), zone);
    }

    private static void setNullableText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
