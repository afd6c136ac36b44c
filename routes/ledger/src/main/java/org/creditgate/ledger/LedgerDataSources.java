package org.creditgate.ledger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools for the ledger. The pool wraps the driver's own DataSource class rather than a driver class
 * name: inside OSGi, DriverManager cannot see driver bundles.
 */
public final class LedgerDataSources {

    private LedgerDataSources() {
    }

    public static DataSource create(LedgerSettings s) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("creditgate-ledger");
        c.setDataSource(driverDataSource(s));
        c.setMaximumPoolSize(s.maxPoolSize());
        c.setAutoCommit(true);
        // fail fast at start-up with the database's own message when the URL or credentials are wrong
        c.setInitializationFailTimeout(10_000);
        c.setConnectionTimeout(10_000);
        return new HikariDataSource(c);
    }

    public static void close(DataSource ds) {
        if (ds instanceof HikariDataSource h) {
            h.close();
        }
    }

    private static DataSource driverDataSource(LedgerSettings s) {
        String url = s.jdbcUrl();
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(s.user());
            h2.setPassword(s.password());
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(s.user());
            pg.setPassword(s.password());
            return pg;
        }
        throw new IllegalArgumentException("org.creditgate.ledger: ledger.jdbc.url must start with jdbc:h2: or "
                + "jdbc:postgresql:, got " + url);
    }
}
