package org.creditgate.connector.envelope;

import java.util.Map;

/**
 * A message for the upstream's dead-letter queue: the record version as it was queued (body and gateway headers,
 * so an operator's replay puts it back unchanged) with why.
 *
 * @param errorClass {@link #VALIDATION} (the upstream refused the record) or {@link #POISON} (cannot be sent)
 * @param reason     the upstream's error text, or the failure; never holds an unmasked ID number
 */
record DeadLetter(String body, Map<String, Object> headers, String errorClass, String reason) {

    static final String VALIDATION = "VALIDATION";
    static final String POISON = "POISON";
    /** Longest reason kept in the header. */
    static final int MAX_REASON = 1000;

    DeadLetter {
        reason = reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    @Override
    public String toString() {
        return errorClass + " " + headers.get(org.creditgate.spi.GatewayHeaders.RECORD_ID) + ": " + reason;
    }
}
