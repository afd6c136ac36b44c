package org.creditgate.connector.table;

/**
 * What the write-back stores for one row. A null record id or fingerprint keeps the column's previous value, so a
 * rejected change of an accepted row still remembers which record it updates.
 */
record RowOutcome(SourceRow row, String status, String errorsJson, String recordId, String fingerprint) {
}
