package org.creditgate.connector.ecology.sim;

import javax.sql.DataSource;

/** Plain driver DataSources for the simulator (no pool: it runs a handful of statements). */
final class SimDataSources {

    private SimDataSources() {
    }

    static DataSource create(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
        throw new IllegalArgumentException("the simulator speaks jdbc:postgresql: and jdbc:h2:, not " + url);
    }
}
