package org.creditgate.spi.ingest;

import java.util.List;

import org.creditgate.model.validation.ValidationIssue;

/**
 * The answer for one record of a push, in request order.
 *
 * @param index       position of the record in the request (0-based)
 * @param recordId    gateway record id (null when rejected)
 * @param version     stored version (0 when rejected)
 */
public record RecordResult(int index, IngestStatus status, String dataset, String recordId, int version,
        List<ValidationIssue> errors, List<ValidationIssue> warnings) {

    public static RecordResult accepted(int index, String dataset, String recordId, int version, List<ValidationIssue> warnings) {
        return new RecordResult(index, IngestStatus.ACCEPTED, dataset, recordId, version, List.of(), warnings);
    }

    public static RecordResult alreadyAccepted(int index, String dataset, String recordId, int version,
            List<ValidationIssue> warnings) {
        return new RecordResult(index, IngestStatus.ALREADY_ACCEPTED, dataset, recordId, version, List.of(), warnings);
    }

    public static RecordResult rejected(int index, String dataset, List<ValidationIssue> errors, List<ValidationIssue> warnings) {
        return new RecordResult(index, IngestStatus.REJECTED, dataset, null, 0, errors, warnings);
    }
}
