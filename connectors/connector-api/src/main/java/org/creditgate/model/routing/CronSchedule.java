package org.creditgate.model.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}, the classic Unix syntax) in
 * local time: {@code *}, numbers, ranges {@code a-b}, lists {@code a,b}, steps {@code * /n} and {@code a-b/n},
 * month and weekday names ({@code JAN}, {@code MON}; Sunday is 0 or 7). As in cron, when both day fields are
 * restricted a day matching either one matches. Quartz's seconds field and {@code ?}/{@code L}/{@code W} are not
 * supported on purpose: push windows open on minutes, and the business calendar, not cron, knows working days.
 *
 * <p>Immutable; searching is by day, then by time, so finding the previous firing a year back costs a few hundred
 * steps, not half a million minutes.
 */
public final class CronSchedule {

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Leap days and "31st of February" expressions: give up after this many days rather than loop for ever. */
    private static final int SEARCH_DAYS = 366 * 5;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronSchedule(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean domRestricted, boolean dowRestricted) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
    }

    /** @throws IllegalArgumentException naming the field and what is wrong with it */
    public static CronSchedule parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("'" + text + "' must have 5 fields (minute hour day-of-month month "
                    + "day-of-week), not " + f.length);
        }
        BitSet dow = field("day-of-week", f[4], 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        return new CronSchedule(text.trim(), field("minute", f[0], 0, 59, null), field("hour", f[1], 0, 23, null),
                field("day-of-month", f[2], 1, 31, null), field("month", f[3], 1, 12, MONTHS), dow,
                !f[2].startsWith("*"), !f[4].startsWith("*"));
    }

    /** The latest firing at or before {@code t} on a day {@code dayAllowed} accepts, if any in the last 5 years. */
    public Optional<LocalDateTime> lastAtOrBefore(LocalDateTime t, Predicate<LocalDate> dayAllowed) {
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.minusDays(1)) {
            if (!matchesDay(day) || !dayAllowed.test(day)) {
                continue;
            }
            LocalTime limit = i == 0 ? t.toLocalTime() : LocalTime.MAX;
            for (int h = hours.previousSetBit(limit.getHour()); h >= 0; h = hours.previousSetBit(h - 1)) {
                int maxMinute = h == limit.getHour() ? limit.getMinute() : 59;
                int m = minutes.previousSetBit(maxMinute);
                if (m >= 0) {
                    return Optional.of(day.atTime(h, m));
                }
            }
        }
        return Optional.empty();
    }

    /** The earliest firing strictly after {@code t} on a day {@code dayAllowed} accepts, if any in 5 years. */
    public Optional<LocalDateTime> nextAfter(LocalDateTime t, Predicate<LocalDate> dayAllowed) {
        LocalDateTime from = t.withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matchesDay(day) || !dayAllowed.test(day)) {
                continue;
            }
            LocalTime start = i == 0 ? from.toLocalTime() : LocalTime.MIDNIGHT;
            for (int h = hours.nextSetBit(start.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
                int m = minutes.nextSetBit(h == start.getHour() ? start.getMinute() : 0);
                if (m >= 0) {
                    return Optional.of(day.atTime(h, m));
                }
            }
        }
        return Optional.empty();
    }

    private boolean matchesDay(LocalDate d) {
        if (!months.get(d.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(d.getDayOfMonth());
        boolean dow = daysOfWeek.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String name, String text, int min, int max, String[] names) {
        BitSet out = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max, null);
            }
            int lo;
            int hi;
            if ("*".equals(range)) {
                lo = min;
                hi = max;
            } else if (range.indexOf('-') > 0) {
                lo = number(name, range.substring(0, range.indexOf('-')), min, max, names);
                hi = number(name, range.substring(range.indexOf('-') + 1), min, max, names);
                if (hi < lo) {
                    throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
                }
            } else {
                lo = number(name, range, min, max, names);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int number(String name, String text, int min, int max, String[] names) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(t)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        try {
            int v = Integer.parseInt(t);
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " " + v + " is outside " + min + "–" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a number" + (names == null ? ""
                    : " or a name like " + names[1]), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The expression as written. */
    @Override
    public String toString() {
        return text;
    }
}
