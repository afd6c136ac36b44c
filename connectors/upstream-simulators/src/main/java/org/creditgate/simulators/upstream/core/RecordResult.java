package org.creditgate.simulators.upstream.core;

import java.util.List;

/** One record's line in a receipt: {@code {recordId, version, status ACCEPTED|REJECTED, errors[]}}. */
public record RecordResult(String recordId, int version, String status, List<RecordError> errors) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public RecordResult {
        errors = List.copyOf(errors);
    }

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
