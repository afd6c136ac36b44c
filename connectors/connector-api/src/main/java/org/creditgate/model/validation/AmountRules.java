package org.creditgate.model.validation;

import java.math.BigDecimal;

/**
 * Amounts in 万元, decimal(18,6) (domain.md §3.3): plain digits with at most one decimal point, at most 12 integer
 * and 6 decimal digits, never negative. Units are refused rather than guessed: "2000元" is 0.2 万元, and a gateway
 * that read it as 2000 would publish a fine ten thousand times too large.
 */
final class AmountRules {

    private static final int INTEGER_DIGITS = 12;
    private static final int DECIMALS = 6;

    private AmountRules() {
    }

    static BigDecimal amount(RecordInput in, FieldSpec f) {
        String v = in.value(f);
        if (v == null) {
            return null;
        }
        String why = problem(v);
        if (why != null) {
            in.error("E_AMOUNT", f, in.name(f) + " \"" + in.shown(f, v) + "\" " + why);
            return null;
        }
        // one canonical form (0.20 = 0.2, 2.0 = 2), so equal amounts give equal content hashes
        BigDecimal d = new BigDecimal(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Why {@code v} is not an amount, or null when it is one. */
    private static String problem(String v) {
        if (v.startsWith("-")) {
            return "is negative";
        }
        int point = v.indexOf('.');
        int intDigits = point < 0 ? v.length() : point;
        int decimals = point < 0 ? 0 : v.length() - point - 1;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && i != point) {
                return "is not a number of 万元 (digits and at most one decimal point, no units: 2000 元 = 0.2)";
            }
        }
        if (intDigits == 0 || point >= 0 && decimals == 0) {
            return "is not a number of 万元 (a digit is needed on both sides of the decimal point)";
        }
        if (decimals > DECIMALS) {
            return "has " + decimals + " decimal places; at most " + DECIMALS + " are allowed";
        }
        if (intDigits > INTEGER_DIGITS) {
            return "has more than " + INTEGER_DIGITS + " digits before the decimal point (decimal(18,6))";
        }
        return null;
    }
}
