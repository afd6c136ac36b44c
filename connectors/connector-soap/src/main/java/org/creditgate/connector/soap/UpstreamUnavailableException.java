package org.creditgate.connector.soap;

/**
 * The national platform cannot take the batch now (fault UNAVAILABLE or INTERNAL, unreachable, timeout): thrown out
 * of the route so the JMS transaction rolls back and the broker redelivers with backoff.
 */
final class UpstreamUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
