package org.creditgate.model;

/** Masks personal ID numbers wherever they could be seen (domain.md §8): first 6 + ******** + last 4. */
public final class Masking {

    private Masking() {
    }

    /** {@code 420106199001011238} → {@code 420106********1238}; shorter than 10 characters → all '*'. */
    public static String idNo(String idNo) {
        if (idNo == null) {
            return null;
        }
        if (idNo.length() < 10) {
            return "*".repeat(idNo.length());
        }
        return idNo.substring(0, 6) + "********" + idNo.substring(idNo.length() - 4);
    }
}
