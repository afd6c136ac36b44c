package org.creditgate.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on a real PostgreSQL 17, started by the build from Maven Central binaries. */
class PostgresLedgerTest extends LedgerContractTest {

    private static EmbeddedPostgresServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected LedgerSettings freshDatabase() throws Exception {
        String db = "ledger_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return new LedgerSettings(server.jdbcUrl().replace("/postgres", "/" + db), "postgres", "", 4);
    }
}
