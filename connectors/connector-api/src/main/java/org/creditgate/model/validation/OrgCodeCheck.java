package org.creditgate.model.validation;

/**
 * 组织机构代码 check (GB 11714-1997). Note: letters count A=10 … Z=35 here (full alphabet), unlike in GB 32100.
 */
final class OrgCodeCheck {

    private OrgCodeCheck() {
    }

    /** 8 body characters (digits/capitals) + check character (digit or X). */
    static boolean isValid(String code) {
        if (code == null || code.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = value(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * CodeTables.ORG_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        char expected = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        return code.charAt(8) == expected;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
