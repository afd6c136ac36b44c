package org.creditgate.simulators.upstream.creditchina;

import java.time.Instant;

/**
 * Personal data found in what 信用中国 received: the message, the record (null when found in the header), where
 * in the received JSON ({@code pointer}), the kind ({@link IdNumberScanner#UNMASKED_ID} or
 * {@link IdNumberScanner#LEGAL_REP_ID}) and the value masked.
 */
public record PrivacyViolation(long requestSeq, Instant receivedAt, String msgId, String recordId, String pointer,
        String kind, String maskedValue) {
}
