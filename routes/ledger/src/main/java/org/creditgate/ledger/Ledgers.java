package org.creditgate.ledger;

import javax.sql.DataSource;

import org.creditgate.ledger.internal.JdbcLedger;
import org.creditgate.ledger.internal.Migrations;

/** Opens a ledger: brings the schema up to date, then serves it. */
public final class Ledgers {

    private Ledgers() {
    }

    public static Ledger open(DataSource dataSource) {
        Migrations.apply(dataSource);
        return new JdbcLedger(dataSource);
    }
}
