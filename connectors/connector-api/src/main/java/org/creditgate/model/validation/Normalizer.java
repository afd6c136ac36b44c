package org.creditgate.model.validation;

import java.util.Locale;

/**
 * Normalisation before checks (domain.md §2.4). Each method returns its argument itself when nothing changes, so
 * callers detect a change (→ W_NORMALIZED) by identity-cheap {@code equals} and the common path allocates nothing.
 */
final class Normalizer {

    private Normalizer() {
    }

    /** Codes: trim ASCII and full-width spaces, full-width ASCII to half-width, upper-case. */
    static String code(String raw) {
        return halfWidth(raw).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Enumeration labels (许可类别, 处罚类别 …): like codes but not upper-cased, because a {@code 其他-<detail>} carries
     * the department's own words.
     */
    static String label(String raw) {
        return halfWidth(raw).strip();
    }

    /**
     * Free text: trimmed only. Full-width characters stay: （2025）闽0102民初123号 is the document number as issued and
     * must be published exactly so.
     */
    static String text(String raw) {
        return raw.strip();
    }

    /** Full-width ASCII U+FF01–U+FF5E → U+0021–U+007E; ideographic space U+3000 → space. */
    static String halfWidth(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char h = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (h != c && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(h);
            }
        }
        return b == null ? s : b.toString();
    }
}
