package org.creditgate.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on a real PostgreSQL 17, started by the build from Maven Central binaries. */
class PostgresLedgerTest extends LedgerContractTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
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
        // a schema per test: as empty as a new database, and 20 times quicker to create
        return new LedgerSettings(server.createSchema("ledger_" + SCHEMAS.incrementAndGet()),
                EmbeddedPostgresServer.USER, "", 4);
    }
}
