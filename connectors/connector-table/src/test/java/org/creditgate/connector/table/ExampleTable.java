package org.creditgate.connector.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.creditgate.model.samples.SampleRecords;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The exchange table of the shipped example configuration in an in-memory H2 database, as a department system would
 * fill it: rows inserted and changed with explicit update times (so tests control ties), status read back.
 */
final class ExampleTable {

    static final String TABLE = "credit_exchange";
    /** The database password the connector is configured with (through its PASSWORD key). */
    static final String PASSWORD = "s3cret-for-tests";
    static final Instant BASE = Instant.parse("2026-11-20T01:00:00Z");
    static final LocalDate DECIDED = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3);

    private final String url = "jdbc:h2:mem:exchange-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcDataSource ds = new JdbcDataSource();

    ExampleTable() throws SQLException {
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword(PASSWORD);
        execute("CREATE TABLE \"credit_exchange\" (\"id\" BIGINT PRIMARY KEY, \"decision_no\" VARCHAR(128), "
                + "\"subject_name\" VARCHAR(200), \"subject_category\" VARCHAR(20), \"subject_uscc\" VARCHAR(18), "
                + "\"id_type\" VARCHAR(20), \"id_no\" VARCHAR(64), \"legal_rep\" VARCHAR(50), "
                + "\"violation\" VARCHAR(2000), \"facts\" VARCHAR(4000), \"legal_basis\" VARCHAR(2000), "
                + "\"penalty_kinds\" VARCHAR(200), \"content\" VARCHAR(4000), \"fine_amount\" DECIMAL(18,6), "
                + "\"decision_date\" DATE, \"valid_until\" DATE, \"authority\" VARCHAR(200), "
                + "\"authority_uscc\" VARCHAR(18), \"source_unit\" VARCHAR(200), \"source_unit_uscc\" VARCHAR(18), "
                + "\"op\" VARCHAR(10), \"updated_at\" TIMESTAMP NOT NULL, \"cg_status\" VARCHAR(20), "
                + "\"cg_errors\" VARCHAR(10000), \"cg_record_id\" VARCHAR(64), \"cg_processed_at\" TIMESTAMP, "
                + "\"cg_fingerprint\" VARCHAR(80))");
        execute("CREATE INDEX \"credit_exchange_watermark\" ON \"credit_exchange\" (\"updated_at\", \"id\")");
    }

    String url() {
        return url;
    }

    DataSource dataSource() {
        return ds;
    }

    /** A valid 行政处罚 row against the sample company, decision number {@code 环罚〔2026〕<id>号}. */
    void insertValid(long id, Instant updatedAt) throws SQLException {
        insert(id, updatedAt, SampleRecords.ORG_USCC);
    }

    /** A row whose subject USCC fails the GB 32100 check digit. */
    void insertBadUscc(long id, Instant updatedAt) throws SQLException {
        insert(id, updatedAt, "91350100M000100Y4Z");
    }

    void insert(long id, Instant updatedAt, String uscc) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + "\"credit_exchange\" (\"id\", \"decision_no\", \"subject_name\", \"subject_category\", "
                + "\"subject_uscc\", \"legal_rep\", \"violation\", \"facts\", \"legal_basis\", \"penalty_kinds\", "
                + "\"content\", \"fine_amount\", \"decision_date\", \"valid_until\", \"authority\", "
                + "\"authority_uscc\", \"source_unit\", \"source_unit_uscc\", \"updated_at\") "
                + "VALUES (?, ?, '福州某某科技有限公司', '法人及非法人组织', ?, '张三', '违反《大气污染防治法》第十八条', "
                + "'超标排放大气污染物', '《大气污染防治法》第九十九条', '罚款', '罚款人民币20000元', 2.000000, ?, ?, "
                + "'福州市生态环境局', ?, '福州市生态环境局', ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, docNo(id));
            ps.setString(3, uscc);
            ps.setObject(4, DECIDED);
            ps.setObject(5, DECIDED.plusYears(1));
            ps.setString(6, SampleRecords.AUTHORITY_USCC);
            ps.setString(7, SampleRecords.AUTHORITY_USCC);
            ps.setTimestamp(8, Timestamp.from(updatedAt));
            ps.executeUpdate();
        }
    }

    static String docNo(long id) {
        return "榕环罚〔2026〕" + id + "号";
    }

    /** The department corrects the fine of a row (a content change with a new update time). */
    void changeFine(long id, String fine, Instant updatedAt) throws SQLException {
        update(id, "UPDATE \"credit_exchange\" SET \"fine_amount\" = " + new java.math.BigDecimal(fine)
                + ", \"content\" = '罚款人民币" + new java.math.BigDecimal(fine).movePointRight(4).toPlainString()
                + "元', \"updated_at\" = ? WHERE \"id\" = ?", updatedAt);
    }

    /** The department touches a row without changing its content (a re-export). */
    void touch(long id, Instant updatedAt) throws SQLException {
        update(id, "UPDATE \"credit_exchange\" SET \"updated_at\" = ? WHERE \"id\" = ?", updatedAt);
    }

    private void update(long id, String sql, Instant updatedAt) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(updatedAt));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The status columns of a row, plus its update time. */
    Map<String, Object> status(long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT \"cg_status\", "
                + "\"cg_errors\", \"cg_record_id\", \"cg_processed_at\", \"cg_fingerprint\", \"updated_at\" "
                + "FROM \"credit_exchange\" WHERE \"id\" = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> out = new LinkedHashMap<>();
                for (String col : List.of("cg_status", "cg_errors", "cg_record_id", "cg_processed_at",
                        "cg_fingerprint")) {
                    out.put(col, rs.getObject(col));
                }
                out.put("updated_at", rs.getTimestamp("updated_at").toInstant());
                return out;
            }
        }
    }

    Optional<String> statusOf(long id) throws SQLException {
        return Optional.ofNullable((String) status(id).get("cg_status"));
    }

    /** Ids of rows with a status, in id order. */
    List<Long> processed() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"id\" FROM \"credit_exchange\" WHERE \"cg_status\" IS NOT NULL ORDER BY \"id\"")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
