package org.creditgate.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys that identify a subject without revealing it: an organisation by its USCC (public anyway), a person by a
 * salted hash of the ID type and number. Used for message grouping, business keys and record ids, which all
 * end up in logs, queues and the ledger's key columns.
 */
final class SubjectKeys {

    private static final String SALT = "creditgate/subject/v1";

    private SubjectKeys() {
    }

    static String of(Subject s) {
        if (s == null) {
            return "none";
        }
        if (s.subjectCategory() == SubjectCategory.NATURAL_PERSON || blank(s.uscc()) && !blank(s.idNo())) {
            return "P:" + hash(s.idType() + "|" + s.idNo());
        }
        if (!blank(s.uscc()) && !s.uscc().equals("00000000000000000X")) {
            return s.uscc();
        }
        if (!blank(s.bizRegNo())) {
            return "B:" + s.bizRegNo();
        }
        return "N:" + hash(s.subjectName());
    }

    static String hash(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((SALT + "|" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
