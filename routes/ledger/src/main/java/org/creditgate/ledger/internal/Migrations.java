package org.creditgate.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: the files listed in {@code migration/migrations.txt}, applied in order, each once,
 * each in its own transaction, recorded with a checksum in {@code cg_schema_version}.
 *
 * <p>Not Flyway: its classpath scanning does not see resources inside OSGi bundles reliably, and the ledger needs
 * only ordered SQL files. An index file instead of directory scanning works the same in a jar, a bundle and a test.
 *
 * <p>On PostgreSQL a migration is atomic (DDL is transactional). H2 commits each DDL statement on its own, so a
 * migration that fails half-way on H2 leaves its first statements behind: keep one change per migration.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String BASE = "/org/creditgate/ledger/migration/";

    private Migrations() {
    }

    public static void apply(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            ensureVersionTable(c);
            Map<Integer, String> applied = applied(c);
            List<String> files = index();
            warnIfDatabaseIsNewer(applied, files);
            for (String file : files) {
                int version = versionOf(file);
                String sql = resource(file);
                String checksum = checksum(sql);
                if (applied.containsKey(version)) {
                    if (!applied.get(version).equals(checksum)) {
                        throw new IllegalStateException("ledger migration " + file + " was changed after it was "
                                + "applied (checksum differs); restore the original file and add a new migration instead");
                    }
                    continue;
                }
                if (!run(c, version, file, sql, checksum)) {
                    LOG.info("Ledger migration {} was applied by another node meanwhile", file);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * An older gateway on a newer schema (a rollback): migrations are meant to be additive, so it may still work;
     * log it rather than refuse, as Flyway does by default for "future" migrations.
     */
    private static void warnIfDatabaseIsNewer(Map<Integer, String> applied, List<String> files) {
        int known = files.stream().mapToInt(Migrations::versionOf).max().orElse(0);
        applied.keySet().stream().filter(v -> v > known).sorted().forEach(v -> LOG.warn(
                "Ledger schema has migration {} which this version of the gateway does not know", v));
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS cg_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> m = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM cg_schema_version")) {
            while (rs.next()) {
                m.put(rs.getInt(1), rs.getString(2));
            }
        }
        return m;
    }

    /** Applies one migration; false when another node starting at the same moment applied it first. */
    private static boolean run(Connection c, int version, String file, String sql, String checksum)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cg_schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, file);
                p.setString(3, checksum);
                p.setObject(4, Jdbc.utc(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
            LOG.info("Ledger schema migrated to version {} ({})", version, file);
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (checksum.equals(applied(c).get(version))) {
                return false;
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Splits a migration into statements: ';' at a line end ends one. Lines starting with -- are comments. */
    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = current.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static List<String> index() {
        List<String> files = resource("migrations.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (int i = 1; i < files.size(); i++) {
            // a typo in the index must not reorder the schema's history
            if (versionOf(files.get(i)) <= versionOf(files.get(i - 1))) {
                throw new IllegalStateException("migrations.txt must list versions in increasing order: "
                        + files.get(i - 1) + " before " + files.get(i));
            }
        }
        return files;
    }

    private static int versionOf(String file) {
        if (!file.matches("V\\d+__\\w+\\.sql")) {
            throw new IllegalStateException("migration file name must look like V<n>__<name>.sql: " + file);
        }
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("ledger migration resource missing: " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BASE + name, e);
        }
    }

    /** Over the text with LF line ends, so a checkout that converts line ends does not look like a tampered file. */
    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
