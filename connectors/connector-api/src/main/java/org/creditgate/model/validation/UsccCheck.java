package org.creditgate.model.validation;

import org.creditgate.model.Masking;

/**
 * 统一社会信用代码 checks (GB 32100-2015), in the order of domain.md §2.4; the first failure ends the check.
 * The embedded 组织机构代码 (positions 9–17) is only a warning: position 18 is the authoritative check.
 */
final class UsccCheck {

    private UsccCheck() {
    }

    /**
     * Checks {@code v} (already normalised) and reports into {@code issues} under {@code field}.
     *
     * @return true when there was no error (a W_USCC_ORGCODE warning still counts as valid)
     */
    static boolean check(String v, String field, Issues issues) {
        if (v.length() != 18) {
            issues.error("E_USCC_LENGTH", field, quote(field, v) + " has " + v.length()
                    + " characters; a 统一社会信用代码 has 18 (GB 32100)");
            return false;
        }
        for (int i = 0; i < 18; i++) {
            char c = v.charAt(i);
            boolean digitOnly = i >= 2 && i <= 7;
            if (CodeTables.USCC_CHARSET.indexOf(c) < 0 || digitOnly && !Character.isDigit(c)) {
                issues.error("E_USCC_CHARSET", field, quote(field, v) + ": character '" + c + "' at position " + (i + 1)
                        + (digitOnly ? " must be a digit (region code, positions 3–8)"
                                : " is not in the USCC charset 0-9 A-H J-N P Q R T U W X Y (GB 32100)"));
                return false;
            }
        }
        char expected = checkChar(v);
        if (v.charAt(17) != expected) {
            issues.error("E_USCC_CHECK", field, quote(field, v) + ": check character is '" + v.charAt(17)
                    + "', GB 32100 gives '" + expected + "'");
            return false;
        }
        String types = CodeTables.USCC_AUTHORITY_TYPES.get(v.charAt(0));
        if (types == null) {
            issues.error("E_USCC_AUTHORITY", field, quote(field, v) + ": '" + v.charAt(0)
                    + "' is not a registration authority code (position 1, GB 32100)");
            return false;
        }
        if (types.indexOf(v.charAt(1)) < 0) {
            issues.error("E_USCC_TYPE", field, quote(field, v) + ": organisation type '" + v.charAt(1)
                    + "' is not allowed for authority '" + v.charAt(0) + "' (allowed: " + types + ")");
            return false;
        }
        String region = v.substring(2, 8);
        if (!region.equals(CodeTables.NATIONAL_REGION) && !CodeTables.PROVINCES.contains(region.substring(0, 2))) {
            issues.error("E_USCC_REGION", field, quote(field, v) + ": region code " + region
                    + " does not start with a province code (GB/T 2260)");
            return false;
        }
        String orgCode = v.substring(8, 17);
        if (!OrgCodeCheck.isValid(orgCode)) {
            issues.warning("W_USCC_ORGCODE", field, quote(field, v) + ": embedded organisation code " + orgCode
                    + " fails the GB 11714 check (accepted: position 18 is valid)");
        }
        return true;
    }

    /** The GB 32100 check character for the first 17 characters. */
    static char checkChar(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CodeTables.USCC_CHARSET.indexOf(v.charAt(i)) * CodeTables.USCC_WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CodeTables.USCC_CHARSET.charAt(c == 31 ? 0 : c);
    }

    private static String quote(String field, String v) {
        return field + " \"" + (v.length() <= 40 ? Masking.inMessage(v) : v.substring(0, 40) + "…") + "\"";
    }
}
