package org.creditgate.ledger;

/**
 * How to reach the ledger database.
 *
 * @param jdbcUrl     jdbc:h2:… or jdbc:postgresql:…
 * @param maxPoolSize upper bound of pooled connections
 */
public record LedgerSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    @Override
    public String toString() {
        return "LedgerSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=[hidden], maxPoolSize=" + maxPoolSize + "]";
    }
}
