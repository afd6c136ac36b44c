package org.creditgate.simulators.upstream.core;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A batch receipt (domain.md §7.2): {@code {ackFor, status ACCEPTED|PARTIAL|REJECTED, received, accepted, rejected,
 * results[]}}, plus {@code upstream} and {@code receivedAt} (ISO instant) which the simulators add. Batch-level
 * errors (count or digest mismatch) are repeated on every record's result and listed in {@code errors}.
 */
public record Receipt(String ackFor, String upstream, String status, int received, int accepted, int rejected,
        String receivedAt, List<RecordError> errors, List<RecordResult> results) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String PARTIAL = "PARTIAL";
    public static final String REJECTED = "REJECTED";

    public Receipt {
        errors = List.copyOf(errors);
        results = List.copyOf(results);
    }

    static Receipt of(String ackFor, String upstream, String receivedAt, List<RecordError> batchErrors,
            List<RecordResult> results) {
        int ok = (int) results.stream().filter(RecordResult::accepted).count();
        int bad = results.size() - ok;
        String status = ok == results.size() && !results.isEmpty() ? ACCEPTED : ok == 0 ? REJECTED : PARTIAL;
        return new Receipt(ackFor, upstream, status, results.size(), ok, bad, receivedAt, batchErrors, results);
    }

    @JsonIgnore
    public String toJson() {
        return Json.write(this);
    }
}
