package org.creditgate.simulators.upstream.core;

/**
 * The envelope header of domain.md §7.2 without the encryption fields ({@code encKey, iv, signature, certSn}): the
 * simulators exchange plaintext bodies (README, "Simplifications").
 */
public record EnvelopeHeader(String msgId, String msgType, String dataset, String schemaVersion, String sender,
        String receiver, String sentAt, String nonce, int recordCount, String digest) {

    public static final String DATA = "DATA";
    public static final String SHIELD = "SHIELD";

    public boolean shield() {
        return SHIELD.equals(msgType);
    }
}
