package org.creditgate.model.validation;

import org.creditgate.model.Masking;
import org.creditgate.model.Subject;
import org.creditgate.model.SubjectCategory;

/**
 * What an operator types to find a subject's records (主体检索) → the subject key the ledger files them under: a
 * 统一社会信用代码 is its own key, a 公民身份号码 is hashed exactly as {@link Subject#key()} hashes it, a key already
 * shown by the gateway ({@code P:…}, {@code B:…}, {@code O:…}, {@code N:…}) is taken as it is. A masked number
 * ({@code 420106********1238}) is refused: eight hidden digits leave millions of people, and the ledger keeps only
 * the hash, so no lookup could tell them apart.
 */
public final class SubjectSearch {

    private SubjectSearch() {
    }

    /**
     * The subject key of {@code code}; full-width characters and spaces are tolerated as in ingest (§2.4).
     *
     * @throws IllegalArgumentException for a masked number or a code that is neither a USCC nor an ID number; the
     *         message never repeats an ID number
     */
    public static String key(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("give a 统一社会信用代码 or a 公民身份号码");
        }
        String v = Normalizer.code(code);
        if (v.matches("[PBON]:.+")) {
            return v.charAt(0) + ":" + Normalizer.text(code).substring(2);
        }
        if (v.indexOf('*') >= 0) {
            throw new IllegalArgumentException("a masked ID number cannot be searched (the ledger keeps only a hash "
                    + "of the number): give the full 公民身份号码 — it is hashed and never printed");
        }
        boolean usccChars = v.length() == 18 && v.chars().allMatch(c -> CodeTables.USCC_CHARSET.indexOf(c) >= 0);
        if (idShaped(v) && v.charAt(17) == CitizenIdCheck.checkChar(v)) {
            return new Subject(null, SubjectCategory.NATURAL_PERSON, null, null, null, null, null, null, null, null,
                    null, "身份证", v).key();
        }
        if (usccChars && v.charAt(17) == UsccCheck.checkChar(v)) {
            return v;
        }
        if (idShaped(v)) {
            throw new IllegalArgumentException(Masking.idNo(v) + ": the check character does not match GB 11643 "
                    + "(and it is no valid 统一社会信用代码 either)");
        }
        if (usccChars) {
            // a USCC with a wrong check character is still searched: it may be exactly what a department sent
            return v;
        }
        throw new IllegalArgumentException("\"" + Masking.inMessage(v) + "\" is neither an 18-character "
                + "统一社会信用代码 nor a 公民身份号码");
    }

    /**
     * What an answer about a search for {@code code} may show of it: the 统一社会信用代码 or the key as searched, a
     * 公民身份号码 masked ({@link Masking#idNo}) — an answer is seen, copied and logged by others.
     *
     * @throws IllegalArgumentException as {@link #key}
     */
    public static String shown(String code) {
        String key = key(code);
        String v = Normalizer.code(code);
        return key.startsWith("P:") && !v.startsWith("P:") ? Masking.idNo(v) : key;
    }

    /** 17 digits and a digit or X (GB 11643). */
    private static boolean idShaped(String v) {
        return v.length() == 18 && v.substring(0, 17).chars().allMatch(Character::isDigit)
                && (Character.isDigit(v.charAt(17)) || v.charAt(17) == 'X');
    }
}
