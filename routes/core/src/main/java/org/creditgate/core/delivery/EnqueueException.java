package org.creditgate.core.delivery;

/** The broker did not confirm a batch (unreachable, refused, or too slow). */
public class EnqueueException extends Exception {
    public EnqueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
