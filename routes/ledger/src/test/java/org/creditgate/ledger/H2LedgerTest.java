package org.creditgate.ledger;

import java.nio.file.Path;
import java.util.UUID;

import org.creditgate.ledger.testing.TestDirectories;
import org.junit.jupiter.api.AfterAll;

/** The ledger contract on an embedded H2 file database, with the options the distribution ships. */
class H2LedgerTest extends LedgerContractTest {

    private static final Path DIR = Path.of("target", "h2-ledger-test");

    @Override
    protected LedgerSettings freshDatabase() {
        Path file = DIR.resolve(UUID.randomUUID().toString()).toAbsolutePath();
        return new LedgerSettings("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE",
                "creditgate", "creditgate", 4);
    }

    @AfterAll
    static void deleteDatabases() {
        TestDirectories.delete(DIR);
    }
}
