package org.creditgate.spi.delivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.OnExceptionDefinition;

/**
 * How a sink retries while its upstream is unavailable: in the route, on the same message, with exponential backoff
 * (1 s doubling to 5 min, ±20 % jitter) and without limit. Retrying in place — not rolling back for the broker to
 * redeliver later — keeps the queue's order: a broker-delayed redelivery would let the next record of the same
 * subject overtake it. The consuming transaction stays open meanwhile, so a crash still redelivers the message.
 */
public final class UntilDelivered {

    private UntilDelivered() {
    }

    /** Applies the retry policy to an {@code onException(...)} of the sink's transient failures. */
    public static OnExceptionDefinition retry(OnExceptionDefinition transientFailures) {
        return transientFailures.maximumRedeliveries(-1).redeliveryDelay(1000).useExponentialBackOff()
                .backOffMultiplier(2).maximumRedeliveryDelay(300_000).useCollisionAvoidance()
                .retryAttemptedLogLevel(LoggingLevel.WARN).logRetryAttempted(true).logStackTrace(false)
                .logRetryStackTrace(false).logExhausted(false);
    }
}
