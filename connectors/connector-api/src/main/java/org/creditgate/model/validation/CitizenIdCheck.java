package org.creditgate.model.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.creditgate.model.Masking;

/**
 * 公民身份号码 checks (GB 11643-1999) in the order of domain.md §2.4: FORMAT → REGION → BIRTHDATE → CHECK.
 * Messages quote the number masked.
 */
final class CitizenIdCheck {

    private CitizenIdCheck() {
    }

    static void check(String v, String field, LocalDate receivedOn, Issues issues) {
        String shown = field + " \"" + Masking.idNo(v) + "\"";
        if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
            issues.error("E_ID_FORMAT", field, shown + " is a 15-digit number (GB 11643-1989); send the 18-digit "
                    + "number (insert the century after the address code and recompute the check digit)");
            return;
        }
        if (!v.matches("\\d{17}[\\dX]")) {
            issues.error("E_ID_FORMAT", field, shown + " is not 17 digits followed by a digit or X (GB 11643)");
            return;
        }
        String province = v.substring(0, 2);
        if (!CodeTables.PROVINCES.contains(province) && !province.equals(CodeTables.TAIWAN_RESIDENCE_PREFIX)) {
            issues.error("E_ID_REGION", field, shown + ": " + province + " is not a province code (GB/T 2260)");
            return;
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            issues.error("E_ID_BIRTHDATE", field, shown + ": birth date " + v.substring(6, 14)
                    + " is not a calendar date");
            return;
        }
        if (birth.isAfter(receivedOn)) {
            issues.error("E_ID_BIRTHDATE", field, shown + ": birth date " + birth + " is after the receive date "
                    + receivedOn);
            return;
        }
        char expected = checkChar(v);
        if (v.charAt(17) != expected) {
            issues.error("E_ID_CHECK", field, shown + ": check character does not match GB 11643");
        }
    }

    static char checkChar(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * CodeTables.ID_WEIGHTS[i];
        }
        return CodeTables.ID_CHECK_CHARS.charAt(sum % 11);
    }
}
