package org.creditgate.core.reconcile;

/**
 * One difference between what the ledger says an upstream received and what the upstream reports holding, and what
 * reconciliation did about it. Record ids only — never record data (no personal ID numbers in reports).
 *
 * @param ourVersion   the version we delivered last (null for {@link Kind#UNKNOWN_TO_US})
 * @param theirVersion the version the upstream holds (null when it holds none)
 * @param ourState     the ledger's delivery state of {@code ourVersion} before reconciliation (null: none)
 * @param tries        automatic resends of {@code ourVersion} so far, this run's included
 * @param detail       why, in words
 */
public record Discrepancy(String dataset, String recordId, Kind kind, Integer ourVersion, Integer theirVersion,
        String ourState, Action action, int tries, String detail) {

    /** What is wrong. */
    public enum Kind {
        /** We delivered it and the upstream acknowledged it, but it does not hold it. */
        MISSING,
        /** The upstream holds another version than the one it acknowledged last. */
        VERSION_MISMATCH,
        /** The upstream holds a record we never delivered to it. */
        UNKNOWN_TO_US,
        /** No receipt came in time (delivery UNKNOWN): settled by the status query, else resent. */
        UNKNOWN_RECEIPT
    }

    /** What reconciliation did. */
    public enum Action {
        /** Re-enqueued the same recordId+version to the upstream's queue (an idempotent resend). */
        RESENT,
        /** The status query says the upstream holds it: the delivery is now ACCEPTED. */
        SETTLED_ACCEPTED,
        /** The status query says the upstream refused it: REJECTED, and the department told (问题数据). */
        SETTLED_REJECTED,
        /** Automatic resends used up: dead-lettered (class RECONCILIATION) and alerted. */
        DEAD_LETTERED,
        /** The upstream has it and has not answered yet: nothing resent, the next run looks again. */
        AWAITING_RECEIPT,
        /** Dead-lettered by an earlier run; waits for an operator (DLQ replay). */
        AWAITING_OPERATOR,
        /** Nothing we can repair automatically: alerted. */
        ALERTED,
        /** The action failed (the upstream or the broker could not be reached); the next run tries again. */
        FAILED
    }
}
