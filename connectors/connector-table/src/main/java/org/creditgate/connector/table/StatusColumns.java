package org.creditgate.connector.table;

import java.util.List;

/** The columns the gateway writes the outcome of each row into; never the update-time column. */
record StatusColumns(SqlIdentifier status, SqlIdentifier errors, SqlIdentifier recordId, SqlIdentifier processedAt,
        SqlIdentifier fingerprint) {

    List<SqlIdentifier> all() {
        return List.of(status, errors, recordId, processedAt, fingerprint);
    }
}
