package org.creditgate.connector.ecology.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The 生态环境局's exchange database, simulated: creates the bureau's 行政处罚 exchange table {@value #TABLE} (the
 * same DDL on PostgreSQL and H2: every identifier quoted, standard types), inserts and changes rows as the bureau's
 * system would — valid ones, or ones breaking one rule on demand — and reads back what the gateway wrote into the
 * status columns. Used by this module's tests, the gateway's integration tests and the demo:
 *
 * <pre>
 * java -cp … org.creditgate.connector.ecology.sim.EcologySimulator jdbc:postgresql://127.0.0.1:5432/exchange user pw 5
 * </pre>
 */
public final class EcologySimulator {

    public static final String TABLE = "sthj_xzcf";
    public static final String ID = "记录编号";
    public static final String UPDATED = "数据更新时间戳";
    /** The bureau's business columns, in table order (all text but the amounts and dates). */
    public static final List<String> BUSINESS = List.of("行政处罚决定书文号", "行政相对人名称", "行政相对人类别",
            "统一社会信用代码", "工商注册号", "法定代表人", "证件类型", "证件号码", "违法行为类型", "违法事实", "处罚依据",
            "处罚类别", "处罚内容", "罚款金额", "没收违法所得金额", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期",
            "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
            "操作类型");
    /** A valid USCC of the sample company (domain.md §2.1) and of the bureau (a 机关 code). */
    public static final String COMPANY_USCC = "91350100M000100Y43";
    public static final String BUREAU_USCC = "11350100003000014R";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One rule a row breaks on demand, and the column the gateway's error must name. */
    public enum Fault {
        /** Check character not in the GB 32100 charset: E_USCC_CHARSET. */
        BAD_USCC("统一社会信用代码"),
        /** 违法事实 left empty: E_REQUIRED. */
        MISSING_FACTS("违法事实"),
        /** 罚款 without an amount: E_COND_REQUIRED. */
        FINE_WITHOUT_AMOUNT("罚款金额");

        private final String column;

        Fault(String column) {
            this.column = column;
        }

        /** The bureau's column the rejection names. */
        public String column() {
            return column;
        }
    }

    /** What the gateway wrote back into a row, and the row's update time (which the write-back must not change). */
    public record RowStatus(String status, String errors, String recordId, Instant processedAt, Instant updatedAt) {
    }

    private final DataSource dataSource;
    private Instant lastTime = Instant.EPOCH;

    public EcologySimulator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A simulator on a JDBC URL (PostgreSQL or H2), through the driver's own DataSource. */
    public static EcologySimulator connect(String jdbcUrl, String user, String password) {
        return new EcologySimulator(SimDataSources.create(jdbcUrl, user, password));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Creates the exchange table with its status columns and the (update time, id) index the poll uses. */
    public void createTable() throws SQLException {
        String business = BUSINESS.stream().map(c -> q(c) + " " + type(c)).collect(Collectors.joining(", "));
        execute("CREATE TABLE " + q(TABLE) + " (" + q(ID) + " BIGINT NOT NULL PRIMARY KEY, " + business + ", "
                + q(UPDATED) + " TIMESTAMP NOT NULL, \"cg_status\" VARCHAR(20), \"cg_errors\" VARCHAR(20000), "
                + "\"cg_record_id\" VARCHAR(64), \"cg_processed_at\" TIMESTAMP, \"cg_fingerprint\" VARCHAR(80))");
        execute("CREATE INDEX " + q(TABLE + "_watermark") + " ON " + q(TABLE) + " (" + q(UPDATED) + ", " + q(ID) + ")");
    }

    /**
     * PostgreSQL only: the bureau's trigger as the README asks for it — it sets 数据更新时间戳 on insert and on an
     * update OF business columns, so the gateway's write-back of the cg_* columns never fires it. Rows then get the
     * database's clock, not the times passed to the insert methods.
     */
    public void installUpdateTimeTrigger() throws SQLException {
        execute("CREATE FUNCTION " + q(TABLE + "_touch") + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."
                + q(UPDATED) + " := clock_timestamp(); RETURN NEW; END $$");
        execute("CREATE TRIGGER " + q(TABLE + "_touch") + " BEFORE INSERT OR UPDATE OF "
                + BUSINESS.stream().map(EcologySimulator::q).collect(Collectors.joining(", ")) + " ON " + q(TABLE)
                + " FOR EACH ROW EXECUTE FUNCTION " + q(TABLE + "_touch") + "()");
    }

    /** Inserts a valid 行政处罚 (decision {@code 榕环罚〔2026〕<id>号}, decided three days ago) at the next tick. */
    public void insertPenalty(long id) throws SQLException {
        insertPenalty(id, nextTime());
    }

    public void insertPenalty(long id, Instant updatedAt) throws SQLException {
        insert(id, validRow(id), updatedAt);
    }

    /** Inserts a row breaking one rule; returns the bureau's column the gateway's error must name. */
    public String insertBad(long id, Fault fault) throws SQLException {
        Map<String, Object> row = validRow(id);
        switch (fault) {
            case BAD_USCC -> row.put("统一社会信用代码", "91350100M000100Y4Z");
            case MISSING_FACTS -> row.put("违法事实", null);
            case FINE_WITHOUT_AMOUNT -> row.put("罚款金额", null);
        }
        insert(id, row, nextTime());
        return fault.column();
    }

    /** The bureau corrects the fine (万元) of a decision: a content change with a new update time. */
    public void changeFine(long id, String fineTenThousandYuan) throws SQLException {
        update(id, "UPDATE " + q(TABLE) + " SET " + q("罚款金额") + " = CAST(? AS DECIMAL(18,6)), " + q(UPDATED)
                + " = ? WHERE " + q(ID) + " = ?", fineTenThousandYuan);
    }

    /** The bureau re-exports a row unchanged: only the update time moves. */
    public void touch(long id) throws SQLException {
        update(id, "UPDATE " + q(TABLE) + " SET " + q(UPDATED) + " = ? WHERE " + q(ID) + " = ?", null);
    }

    /** What the gateway wrote back into a row (empty when the row does not exist). */
    public Optional<RowStatus> status(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "\"cg_status\", \"cg_errors\", \"cg_record_id\", \"cg_processed_at\", " + q(UPDATED) + " FROM "
                + q(TABLE) + " WHERE " + q(ID) + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RowStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, LocalDateTime.class)), instant(rs.getObject(5, LocalDateTime.class))));
            }
        }
    }

    /**
     * The bureau's columns are TIMESTAMP without zone, in Beijing time (the gateway's table.timeZone): convert here,
     * not with java.sql.Timestamp, which would use this JVM's zone.
     */
    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, ZONE);
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }

    /** Ids of the rows the gateway has written an outcome into, in id order. */
    public List<Long> processedIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs =
                s.executeQuery("SELECT " + q(ID) + " FROM " + q(TABLE) + " WHERE \"cg_status\" IS NOT NULL ORDER BY "
                        + q(ID))) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The decision number of row {@code id}. */
    public static String decisionNo(long id) {
        return "榕环罚〔2026〕" + id + "号";
    }

    /** Creates the table and inserts demo rows: {@code <jdbc url> [user] [password] [valid rows]}, plus one bad row. */
    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: EcologySimulator <jdbc url> [user] [password] [valid rows, default 5]");
            System.exit(2);
        }
        EcologySimulator sim = connect(args[0], args.length > 1 ? args[1] : "", args.length > 2 ? args[2] : "");
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        sim.createTable();
        for (long id = 1; id <= count; id++) {
            sim.insertPenalty(id);
        }
        String column = sim.insertBad(count + 1L, Fault.BAD_USCC);
        System.out.println("created " + TABLE + " with " + count + " valid 行政处罚 rows and row " + (count + 1)
                + " with a bad " + column);
    }

    private Map<String, Object> validRow(long id) {
        LocalDate decided = LocalDate.now(ZONE).minusDays(3);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("行政处罚决定书文号", decisionNo(id));
        row.put("行政相对人名称", "福州某某环保科技有限公司");
        row.put("行政相对人类别", "法人及非法人组织");
        row.put("统一社会信用代码", COMPANY_USCC);
        row.put("法定代表人", "王五");
        row.put("违法行为类型", "违反《中华人民共和国大气污染防治法》第十八条");
        row.put("违法事实", "超过大气污染物排放标准排放大气污染物");
        row.put("处罚依据", "《中华人民共和国大气污染防治法》第九十九条");
        row.put("处罚类别", "罚款");
        row.put("处罚内容", "罚款人民币100000元");
        row.put("罚款金额", new java.math.BigDecimal("10"));
        row.put("处罚决定日期", decided);
        row.put("处罚有效期", decided.plusYears(1));
        row.put("处罚机关", "福州市生态环境局");
        row.put("处罚机关统一社会信用代码", BUREAU_USCC);
        row.put("数据来源单位", "福州市生态环境局");
        row.put("数据来源单位统一社会信用代码", BUREAU_USCC);
        row.put("操作类型", "新增");
        return row;
    }

    private void insert(long id, Map<String, Object> row, Instant updatedAt) throws SQLException {
        List<String> cols = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO " + q(TABLE) + " (" + q(ID) + ", " + q(UPDATED) + ", "
                + cols.stream().map(EcologySimulator::q).collect(Collectors.joining(", ")) + ") VALUES (?, ?"
                + ", ?".repeat(cols.size()) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setObject(2, local(updatedAt));
            for (int i = 0; i < cols.size(); i++) {
                ps.setObject(i + 3, row.get(cols.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private void update(long id, String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                ps.setString(i++, value);
            }
            ps.setObject(i++, local(nextTime()));
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    /** Update times strictly increasing, even within one clock tick (microseconds: PostgreSQL's precision). */
    private synchronized Instant nextTime() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        lastTime = now.isAfter(lastTime) ? now : lastTime.plusNanos(1_000);
        return lastTime;
    }

    private static String type(String column) {
        return switch (column) {
            case "罚款金额", "没收违法所得金额" -> "DECIMAL(18,6)";
            case "处罚决定日期", "处罚有效期", "公示截止期" -> "DATE";
            case "违法事实", "处罚内容" -> "VARCHAR(4000)";
            case "违法行为类型", "处罚依据" -> "VARCHAR(2000)";
            default -> "VARCHAR(512)";
        };
    }

    private static String q(String identifier) {
        return '"' + identifier + '"';
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
