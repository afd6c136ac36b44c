package org.creditgate.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditgate.model.calendar.WorkingDayCalendar;

/**
 * One shield deadline (domain.md §5.2: dispatch ≤ 1 working day, ack ≤ 3 working days): either {@code <n>wd}
 * working days — the n-th working day after the day the shield was queued, to the end of that day in business time
 * (the day itself not counted, §5.1) — or a plain duration ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or
 * ISO-8601 {@code PT30S}) for tests and for platforms with a contractual SLA in hours.
 */
public record ShieldSla(int workingDays, Duration duration) {

    private static final Pattern WD = Pattern.compile("(\\d+)\\s*wd");
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*([smhd])");

    public static ShieldSla parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher wd = WD.matcher(t);
        if (wd.matches()) {
            return new ShieldSla(Integer.parseInt(wd.group(1)), null);
        }
        return new ShieldSla(0, duration(t));
    }

    /** {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601. */
    public static Duration duration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a shield deadline: '" + text + "' (use <n>wd, 30s, 10m, 2h, 1d "
                    + "or ISO-8601)", e);
        }
    }

    /** When the deadline ends for something that started at {@code from}. */
    public Instant due(Instant from, WorkingDayCalendar calendar, ZoneId zone) {
        if (duration != null) {
            return from.plus(duration);
        }
        LocalDate last = calendar.plusWorkingDays(LocalDate.ofInstant(from, zone), workingDays);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return duration == null ? workingDays + "wd" : duration.toString();
    }
}
