package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.Masking;

/**
 * 公民身份号码 checks (GB 11643-1999) in the order of domain.md §2.4: FORMAT → REGION → BIRTHDATE → CHECK; the first
 * failure ends the check. Messages quote the number masked, never in full.
 */
final class CitizenIdCheck {

    private CitizenIdCheck() {
    }

    /** @return true when {@code v} (already normalised) is a valid number */
    static boolean check(String v, String field, LocalDate receivedOn, Issues issues) {
        String shown = field + " \"" + Masking.idNo(v) + "\"";
        if (v.length() == 15 && digits(v, 15)) {
            // GB 11643-1989 numbers are upgradeable, but never silently: the department must send the new number
            issues.error("E_ID_FORMAT", field, shown + " is a 15-digit number (GB 11643-1989); send the 18-digit "
                    + "number (century inserted after the address code, check character recomputed)");
            return false;
        }
        if (v.length() != 18 || !digits(v, 17) || !(Character.isDigit(v.charAt(17)) || v.charAt(17) == 'X')) {
            issues.error("E_ID_FORMAT", field, shown + " is not 17 digits followed by a digit or X (GB 11643)");
            return false;
        }
        String province = v.substring(0, 2);
        if (!CodeTables.PROVINCES.contains(province) && !province.equals(CodeTables.TAIWAN_RESIDENCE_PREFIX)) {
            issues.error("E_ID_REGION", field, shown + ": " + province + " is not a province code (GB/T 2260)");
            return false;
        }
        LocalDate birth = DateRules.calendarDate(v, 6);
        if (birth == null) {
            issues.error("E_ID_BIRTHDATE", field, shown + ": the birth date is not a calendar date");
            return false;
        }
        if (birth.isAfter(receivedOn)) {
            issues.error("E_ID_BIRTHDATE", field, shown + ": the birth date is after the receive date " + receivedOn);
            return false;
        }
        if (v.charAt(17) != checkChar(v)) {
            issues.error("E_ID_CHECK", field, shown + ": the check character does not match GB 11643");
            return false;
        }
        return true;
    }

    static char checkChar(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * CodeTables.ID_WEIGHTS[i];
        }
        return CodeTables.ID_CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean digits(String v, int n) {
        for (int i = 0; i < n; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
