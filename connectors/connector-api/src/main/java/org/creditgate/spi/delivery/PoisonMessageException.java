package org.creditgate.spi.delivery;

/** A message that cannot be sent at all (unreadable, or refused as malformed): dead-lettered as POISON. */
public final class PoisonMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String message) {
        super(message);
    }
}
