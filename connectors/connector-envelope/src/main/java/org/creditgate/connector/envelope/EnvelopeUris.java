package org.creditgate.connector.envelope;

import org.creditgate.spi.ConnectorDescriptor;

/** Every endpoint URI of the envelope connector that it builds itself (the queue and DLQ come from the context). */
final class EnvelopeUris {

    private EnvelopeUris() {
    }

    /** The receipt poll trigger: a timer named after the instance (one thread, so polls never overlap). */
    static String receiptTimer(ConnectorDescriptor descriptor, EnvelopeSettings settings) {
        long period = settings.receiptPollPeriod().toMillis();
        return "timer:" + descriptor.id() + "-receipts?period=" + period + "&delay=" + period;
    }
}
