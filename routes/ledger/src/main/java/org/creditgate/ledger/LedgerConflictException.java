package org.creditgate.ledger;

/** A version that another writer stored first: the caller re-reads the head and decides again. */
public class LedgerConflictException extends RuntimeException {
    public LedgerConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
