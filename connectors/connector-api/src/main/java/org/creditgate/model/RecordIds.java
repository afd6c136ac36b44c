package org.creditgate.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Gateway record ids derived from the business key (name-based UUID, version 5 layout over SHA-1): the same record
 * always gets the same id, so a resend after a lost answer finds the record it already created.
 */
public final class RecordIds {

    private static final UUID NAMESPACE = UUID.fromString("6f1c4f3e-8f7a-5b8e-9d0c-637265646974");

    private RecordIds() {
    }

    public static String forBusinessKey(Dataset dataset, String businessKey) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            sha1.update((dataset.name() + "\n" + businessKey).getBytes(StandardCharsets.UTF_8));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
            h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
