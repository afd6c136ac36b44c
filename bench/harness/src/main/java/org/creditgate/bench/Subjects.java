package org.creditgate.bench;

/**
 * Distinct, valid subjects for benchmark records, so delivery (grouped per subject for ordering) sees many groups
 * as real traffic does, not the one organisation and one person of the shared samples: 统一社会信用代码 with a
 * valid GB 11714 organisation code and GB 32100 check character, 公民身份号码 with a valid GB 11643 check.
 */
final class Subjects {

    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Subjects() {
    }

    /** The {@code i}-th company (企业, 福州 region): 91350100 + organisation code + check character. */
    static String uscc(int i) {
        String base = String.format("%08d", 10_000_000 + i % 90_000_000);
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            sum += (base.charAt(k) - '0') * ORG_WEIGHTS[k];
        }
        int c = 11 - sum % 11;
        String org = base + (c == 10 ? "X" : c == 11 ? "0" : Integer.toString(c));
        String first17 = "91350100" + org;
        int s = 0;
        for (int k = 0; k < 17; k++) {
            s += USCC_CHARSET.indexOf(first17.charAt(k)) * USCC_WEIGHTS[k];
        }
        int check = 31 - s % 31;
        return first17 + USCC_CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The {@code i}-th person (福州 鼓楼, born 1980–1989): region + birth date + sequence + check character. */
    static String citizenId(int i) {
        String first17 = String.format("350102%04d%02d%02d%03d", 1980 + i % 10, 1 + i / 10 % 12, 1 + i / 120 % 28,
                i / 3360 % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * ID_WEIGHTS[k];
        }
        return first17 + ID_CHECK.charAt(sum % 11);
    }
}
