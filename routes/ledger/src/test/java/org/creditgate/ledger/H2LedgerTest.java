package org.creditgate.ledger;

import java.util.UUID;

/** The ledger contract on the embedded H2 database that the distribution uses by default. */
class H2LedgerTest extends LedgerContractTest {

    @Override
    protected LedgerSettings freshDatabase() {
        return new LedgerSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }
}
