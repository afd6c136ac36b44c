package org.creditgate.connector.envelope;

/**
 * The upstream cannot take the message now (down, slow, 5xx, timeout, authentication refused): the consuming
 * transaction rolls back and the broker redelivers with backoff. Carries no stack trace — it is an operating
 * condition, logged as one line per attempt.
 */
final class UpstreamUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UpstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
