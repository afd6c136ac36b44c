package org.creditgate.connector.table;

/**
 * The SQL of one exchange table, built once from validated identifiers ({@link SqlIdentifier}); every value is a
 * bind parameter. Standard SQL ({@code FETCH FIRST}) that PostgreSQL and H2 both run.
 */
final class ExchangeTableSql {

    private final String firstPage;
    private final String nextPage;
    private final String writeBack;

    ExchangeTableSql(TablePollSettings s) {
        String table = s.schema().map(schema -> schema.quoted() + ".").orElse("") + s.table().quoted();
        String upd = s.updatedColumn().quoted();
        String id = s.idColumn().quoted();
        String order = " ORDER BY " + upd + ", " + id + " FETCH FIRST " + s.pageSize() + " ROWS ONLY";
        this.firstPage = "SELECT * FROM " + table + " WHERE " + upd + " IS NOT NULL" + order;
        // (upd, id) > (?, ?) spelled out: H2 and PostgreSQL both use an index on (upd, id) for it
        this.nextPage = "SELECT * FROM " + table + " WHERE " + upd + " > ? OR (" + upd + " = ? AND " + id + " > ?)"
                + order;
        StatusColumns c = s.status();
        // the update-time column is only compared, never set: the write-back must not make the row look changed;
        // "AND upd = ?" leaves a row alone that the department changed meanwhile (it is read again anyway)
        this.writeBack = "UPDATE " + table + " SET " + c.status().quoted() + " = ?, " + c.errors().quoted() + " = ?, "
                + c.recordId().quoted() + " = COALESCE(?, " + c.recordId().quoted() + "), "
                + c.processedAt().quoted() + " = ?, "
                + c.fingerprint().quoted() + " = COALESCE(?, " + c.fingerprint().quoted() + ")"
                + " WHERE " + id + " = ? AND " + upd + " = ?";
    }

    /** The first page, before any watermark: no parameters. */
    String firstPage() {
        return firstPage;
    }

    /** The page after a watermark: parameters update time, update time, id. */
    String nextPage() {
        return nextPage;
    }

    /** Status write-back of one row: status, errors, record id, processed at, fingerprint, id, update time. */
    String writeBack() {
        return writeBack;
    }
}
