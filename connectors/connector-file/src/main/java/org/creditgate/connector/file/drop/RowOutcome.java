package org.creditgate.connector.file.drop;

import java.util.List;

import org.creditgate.spi.ingest.IngestStatus;

/**
 * What became of one data row.
 *
 * @param row      row number as in the file
 * @param status   the gateway's answer, or REJECTED by the connector itself for an unreadable cell
 * @param recordId gateway record id (null when rejected)
 * @param version  record version (0 when rejected)
 */
public record RowOutcome(int row, IngestStatus status, String recordId, int version, List<Issue> errors,
        List<Issue> warnings) {

    public RowOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * One finding on a row: the gateway's code and message, the record field, and the file column it was read
     * from (as the department spelled it).
     */
    public record Issue(String code, String field, String column, String message) {
    }
}
