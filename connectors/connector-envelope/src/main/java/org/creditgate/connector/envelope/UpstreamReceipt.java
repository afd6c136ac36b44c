package org.creditgate.connector.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.model.publication.PublicProjection;
import org.creditgate.spi.delivery.DeliveryRef;

/**
 * An upstream's receipt (domain.md §7.2): {@code {ackFor, status, errors[], results[{recordId, version, status,
 * errors[{code, field, msg}]}]}}. Error texts are kept as {@code CODE field: msg}, with any ID number masked.
 *
 * @param ackFor      the msgId it answers
 * @param status      ACCEPTED / PARTIAL / REJECTED
 * @param batchErrors batch-level errors (count or digest mismatch: nothing was stored)
 * @param results     one per record
 */
record UpstreamReceipt(String ackFor, String status, String batchErrors, List<Result> results) {

    static final String ACCEPTED = "ACCEPTED";

    /** One record's result. */
    record Result(String recordId, int version, String status, String errors) {
        boolean accepted() {
            return ACCEPTED.equals(status);
        }
    }

    /** Whether a JSON answer is a receipt at all (and not a 202 acknowledgement or a PENDING status). */
    static boolean isReceipt(JsonNode json) {
        return json != null && json.hasNonNull("ackFor") && json.path("results").isArray();
    }

    static UpstreamReceipt parse(JsonNode json) {
        List<Result> results = new ArrayList<>();
        for (JsonNode r : json.path("results")) {
            results.add(new Result(r.path("recordId").asText(null), r.path("version").asInt(0),
                    r.path("status").asText(""), errors(r.path("errors"))));
        }
        return new UpstreamReceipt(json.path("ackFor").asText(null), json.path("status").asText(""),
                errors(json.path("errors")), results);
    }

    /** The batch was refused as a whole (E_COUNT, E_DIGEST): our envelope is wrong, not the record. */
    boolean refusedAsBatch() {
        return !batchErrors.isEmpty();
    }

    Optional<Result> resultFor(DeliveryRef ref) {
        return results.stream().filter(r -> ref.recordId().equals(r.recordId()) && r.version() == ref.version())
                .findFirst();
    }

    /** {@code E_RULE CF_CFLB: rejected by rule …; E_…} — ID numbers masked (an upstream may echo one). */
    static String errors(JsonNode errors) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
            String field = e.path("field").asText("");
            parts.add(e.path("code").asText("E_UNKNOWN") + (field.isEmpty() ? "" : " " + field) + ": "
                    + e.path("msg").asText(e.path("message").asText("")));
        }
        return PublicProjection.maskIdNumbersIn(String.join("; ", parts));
    }
}
