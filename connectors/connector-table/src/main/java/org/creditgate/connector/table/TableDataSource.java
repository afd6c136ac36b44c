package org.creditgate.connector.table;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool to the department's exchange database, opened on first use so that a database that is down
 * at start-up only delays the first poll. The pool wraps the driver's own DataSource class rather than a driver
 * class name: inside OSGi, DriverManager cannot see driver bundles.
 */
final class TableDataSource implements AutoCloseable {

    private final TablePollSettings settings;
    private final String poolName;
    private HikariDataSource pool;

    TableDataSource(TablePollSettings settings, String poolName) {
        this.settings = settings;
        this.poolName = poolName;
    }

    synchronized DataSource get() {
        if (pool == null) {
            HikariConfig c = new HikariConfig();
            c.setPoolName(poolName);
            c.setDataSource(driverDataSource());
            c.setMaximumPoolSize(settings.poolSize());
            // no idle connections between polls 15 minutes apart, and no background reconnect noise while it is down
            c.setMinimumIdle(0);
            c.setInitializationFailTimeout(-1);
            c.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
            pool = new HikariDataSource(c);
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private DataSource driverDataSource() {
        String url = settings.jdbcUrl();
        String user = settings.user().orElse("");
        String password = settings.password().map(p -> p.reveal()).orElse("");
        // each driver is touched in its own class: the bundle imports both optionally and only one may be installed
        return url.startsWith("jdbc:h2:") ? H2.create(url, user, password) : Postgres.create(url, user, password);
    }

    private static final class H2 {
        static DataSource create(String url, String user, String password) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
    }

    private static final class Postgres {
        static DataSource create(String url, String user, String password) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
    }
}
