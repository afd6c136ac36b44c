package org.creditgate.connector.envelope;

/** The message can never be sent as it is (unreadable body, envelope refused as malformed): dead-letter it POISON. */
final class PoisonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PoisonException(String message) {
        super(message, null, false, false);
    }
}
