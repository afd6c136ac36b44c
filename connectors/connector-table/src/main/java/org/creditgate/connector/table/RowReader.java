package org.creditgate.connector.table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import javax.sql.DataSource;

/**
 * Reads one page of the exchange table after a watermark, ordered by (update time, id). Cells become text the way
 * the national formats expect them (dates as ISO, amounts without trailing zeros), so validation sees what the
 * department meant rather than a JDBC rendering.
 */
final class RowReader {

    private final TablePollSettings settings;
    private final ExchangeTableSql sql;
    private final Calendar zone;

    RowReader(TablePollSettings settings, ExchangeTableSql sql) {
        this.settings = settings;
        this.sql = sql;
        this.zone = Calendar.getInstance(TimeZone.getTimeZone(settings.zone()));
    }

    List<SourceRow> page(DataSource ds, Optional<TableWatermark> after) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(after.isPresent() ? sql.nextPage() : sql.firstPage())) {
            ps.setMaxRows(settings.pageSize());
            if (after.isPresent()) {
                Timestamp ts = Timestamp.from(after.get().updatedAt());
                ps.setTimestamp(1, ts, zone);
                ps.setTimestamp(2, ts, zone);
                bindId(ps, 3, after.get().id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<SourceRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    private void bindId(PreparedStatement ps, int index, String id) throws SQLException {
        if (settings.idType() == TablePollSettings.IdType.TEXT) {
            ps.setString(index, id);
        } else {
            // an empty id (a rewind to "every row from this time on") sorts before every real one
            ps.setLong(index, id.isEmpty() ? Long.MIN_VALUE : Long.parseLong(id));
        }
    }

    private SourceRow row(ResultSet rs) throws SQLException {
        Timestamp updated = rs.getTimestamp(settings.updatedColumn().name(), zone);
        Object id = settings.idType() == TablePollSettings.IdType.TEXT
                ? rs.getString(settings.idColumn().name()) : (Object) rs.getLong(settings.idColumn().name());
        StatusColumns status = settings.status();
        return new SourceRow(updated, id, cells(rs), Optional.ofNullable(rs.getString(status.recordId().name())),
                Optional.ofNullable(rs.getString(status.fingerprint().name())));
    }

    private static Map<String, String> cells(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            values.put(md.getColumnLabel(i), text(rs, i, md.getColumnType(i)));
        }
        return values;
    }

    private static String text(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.DATE -> {
                java.sql.Date d = rs.getDate(i);
                return d == null ? null : d.toLocalDate().toString();
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal n = rs.getBigDecimal(i);
                return n == null ? null : n.stripTrailingZeros().toPlainString();
            }
            default -> {
                return rs.getString(i);
            }
        }
    }
}
