package org.creditgate.model.validation;

/**
 * What to do with a valid record given what the ledger holds.
 *
 * @param version the version to store (NEW, NEW_VERSION) or the existing one (ALREADY_ACCEPTED); 0 for REJECT
 * @param issue   the reason (REJECT only)
 */
public record IngestDecision(Kind kind, int version, ValidationIssue issue) {

    public enum Kind {
        /** First version of a record. */
        NEW,
        /** A further version (UPDATE or DELETE) of a known record. */
        NEW_VERSION,
        /** Identical to the current version: an idempotent resend, store nothing. */
        ALREADY_ACCEPTED,
        /** Refused (E_DUPLICATE, E_UNKNOWN_RECORD, E_STATE). */
        REJECT
    }

    static IngestDecision reject(String code, String field, String message) {
        return new IngestDecision(Kind.REJECT, 0, new ValidationIssue(code, field, message));
    }
}
