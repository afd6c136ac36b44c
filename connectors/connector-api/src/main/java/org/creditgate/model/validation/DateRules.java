package org.creditgate.model.validation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date items (domain.md §3.3 "Dates"): YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, zero-padded, real calendar dates, stored
 * as ISO dates; and the date rules of §4 (E_DATE_FORMAT, E_DATE_ORDER, E_DATE_FUTURE).
 */
final class DateRules {

    /** Dates without a time mean that day in Beijing time (Asia/Shanghai has had no DST since 1991). */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private DateRules() {
    }

    /** The date {@code v} denotes in one of the accepted forms, or null. */
    static LocalDate parse(String v) {
        if (v.length() == 8) {
            return calendarDate(v, 0);
        }
        if (v.length() == 10) {
            char sep = v.charAt(4);
            if ((sep == '-' || sep == '/') && v.charAt(7) == sep) {
                return calendarDate(v.substring(0, 4) + v.substring(5, 7) + v.substring(8, 10), 0);
            }
        }
        return null;
    }

    /**
     * The real calendar date written as YYYYMMDD at {@code from} in {@code s} (also used inside ID numbers and
     * commitment codes), or null. Checked without exceptions: bad dates are common input, not exceptional.
     */
    static LocalDate calendarDate(String s, int from) {
        if (s.length() < from + 8) {
            return null;
        }
        for (int i = from; i < from + 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        int year = Integer.parseInt(s, from, from + 4, 10);
        int month = Integer.parseInt(s, from + 4, from + 6, 10);
        int day = Integer.parseInt(s, from + 6, from + 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    static LocalDate date(RecordInput in, FieldSpec f) {
        String v = in.value(f);
        if (v == null) {
            return null;
        }
        LocalDate d = parse(v);
        if (d == null) {
            in.error("E_DATE_FORMAT", f, in.name(f) + " \"" + in.shown(f, v) + "\" is not a real calendar date in "
                    + "the form YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD (zero-padded)");
        }
        return d;
    }

    /** An ISO-8601 date-time with offset, or a date meaning the start of that day in Beijing. */
    static OffsetDateTime dateTime(RecordInput in, FieldSpec f) {
        String v = in.value(f);
        if (v == null) {
            return null;
        }
        if (v.length() <= 10) {
            LocalDate d = parse(v);
            if (d != null) {
                return d.atStartOfDay().atOffset(BEIJING);
            }
        } else {
            try {
                return OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                // reported below, like every other malformed value
            }
        }
        in.error("E_DATE_FORMAT", f, in.name(f) + " \"" + in.shown(f, v) + "\" is not a date-time with offset "
                + "(e.g. 2026-11-20T09:30:00+08:00) or a date");
        return null;
    }

    /** E_DATE_FUTURE: a decision cannot be dated after the day the gateway received it. */
    static void notAfterReceipt(RecordInput in, LocalDate d, FieldSpec f) {
        if (d != null && d.isAfter(in.ctx.receivedOn())) {
            in.error("E_DATE_FUTURE", f, in.name(f) + " " + d + " is after the receive date " + in.ctx.receivedOn());
        }
    }

    /** E_DATE_ORDER on {@code laterField} when it is before {@code earlier} (once per field, like every check). */
    static void order(RecordInput in, LocalDate earlier, FieldSpec earlierField, LocalDate later,
            FieldSpec laterField) {
        if (earlier != null && later != null && later.isBefore(earlier) && !in.issues.failed(in.name(laterField))) {
            in.error("E_DATE_ORDER", laterField, in.name(laterField) + " " + later + " is before "
                    + in.name(earlierField) + " " + earlier);
        }
    }
}
