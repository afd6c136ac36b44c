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

    /**
     * Free text (an upstream's error message, a history note) with every 公民身份号码-shaped run of characters masked
     * like {@link #idNo}: such text is written by others and may quote a number anywhere in it.
     */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        return ID_IN_TEXT.matcher(text).replaceAll(m -> idNo(m.group()));
    }

    private static final java.util.regex.Pattern ID_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    /**
     * A value as an error message may quote it: masked like {@link #idNo} when it has the shape of a 公民身份号码 (17
     * digits and a digit or X, not starting with 0 as no GB/T 2260 region does), whatever field it was sent in — an ID
     * number in the USCC or name column is a common mistake, and its message must not publish the number. The
     * well-known placeholders {@code 000000000000000000} and {@code 00000000000000000X} stay readable.
     */
    public static String inMessage(String value) {
        if (value != null && value.length() == 18 && value.charAt(0) != '0') {
            boolean shaped = true;
            for (int i = 0; i < 18 && shaped; i++) {
                char c = value.charAt(i);
                shaped = c >= '0' && c <= '9' || i == 17 && (c == 'X' || c == 'x');
            }
            if (shaped) {
                return idNo(value);
            }
        }
        return value;
    }
}
