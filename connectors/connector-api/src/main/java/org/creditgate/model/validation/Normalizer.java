package org.creditgate.model.validation;

/** Normalisation before checks (domain.md §2.4). */
final class Normalizer {

    private Normalizer() {
    }

    /** Code fields: trim ASCII and full-width spaces, full-width ASCII to half-width, upper-case. */
    static String code(String raw) {
        return halfWidth(raw).strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Free text: trimmed only (the content is the department's wording). */
    static String text(String raw) {
        return raw.strip();
    }

    /** Full-width ASCII U+FF01–U+FF5E → U+0021–U+007E; ideographic space → space. */
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
