package org.creditgate.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys that identify a subject without revealing it: an organisation by its USCC (public anyway), a person by a
 * salted SHA-256 of the ID number. Used for message grouping, business keys and record ids, which all end up in
 * logs, queues and the ledger's key columns. The salt is fixed, so the key is stable across restarts and nodes; it
 * makes the key useless for looking numbers up in precomputed tables, it is not a secret.
 */
final class SubjectKeys {

    private static final String SALT = "creditgate/subject/v1|";
    private static final String PLACEHOLDER_USCC = "00000000000000000X";

    private SubjectKeys() {
    }

    static String of(Subject s) {
        if (s == null) {
            return "none";
        }
        if (s.subjectCategory() == SubjectCategory.NATURAL_PERSON || blank(s.uscc()) && !blank(s.idNo())) {
            return "P:" + sha256(s.idNo());
        }
        if (!blank(s.uscc()) && !s.uscc().equals(PLACEHOLDER_USCC)) {
            return s.uscc();
        }
        if (!blank(s.bizRegNo())) {
            return "B:" + s.bizRegNo();        // 个体工商户 with the placeholder USCC
        }
        if (!blank(s.orgCode())) {
            return "O:" + s.orgCode();         // 失信被执行人 organisations listed by 组织机构代码
        }
        return "N:" + sha256(s.subjectName());
    }

    private static String sha256(String value) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((SALT + value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
