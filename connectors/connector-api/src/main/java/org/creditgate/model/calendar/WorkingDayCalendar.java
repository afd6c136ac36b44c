package org.creditgate.model.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * 工作日历: Monday–Friday minus statutory holidays plus 调休 make-up workdays, from one data file per year
 * ({@code cn-workdays-YYYY.properties}, domain.md §5.1). Immutable and thread-safe.
 *
 * <p>A date in a year without a file falls back to plain Monday–Friday; {@link #covers} tells whether the answer
 * for a date came from a published calendar.
 */
public final class WorkingDayCalendar {

    /**
     * Years probed on the classpath. A bundle cannot list a package of another jar portably, so the packaged files
     * are found by name; adding next year's file to config/calendar is enough, no code changes.
     */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;
    private static final String RESOURCE_DIR = "/org/creditgate/model/calendar/";
    private static final String FILE_PREFIX = "cn-workdays-";
    private static final String FILE_SUFFIX = ".properties";

    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    private WorkingDayCalendar(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.years = Set.copyOf(years);
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    /**
     * Every {@code cn-workdays-*.properties} in {@code dir}.
     *
     * @throws IllegalArgumentException when the folder cannot be read, holds no calendar, or a file is malformed:
     *                                  a configured calendar that silently fell back to Monday–Friday would move
     *                                  every deadline around the holidays
     */
    public static WorkingDayCalendar load(Path dir) {
        Builder b = new Builder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, FILE_PREFIX + "*" + FILE_SUFFIX)) {
            for (Path f : files) {
                b.add(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read working-day calendars in " + dir + ": " + e, e);
        }
        if (b.years.isEmpty()) {
            throw new IllegalArgumentException("no " + FILE_PREFIX + "YYYY" + FILE_SUFFIX + " file in " + dir);
        }
        return b.build();
    }

    /** The calendars packaged in this bundle (the files of config/calendar at build time). */
    public static WorkingDayCalendar fromClasspath() {
        Builder b = new Builder();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String name = RESOURCE_DIR + FILE_PREFIX + year + FILE_SUFFIX;
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
                if (in != null) {
                    b.add(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
        if (b.years.isEmpty()) {
            throw new IllegalStateException("no built-in calendar under " + RESOURCE_DIR + ": the bundle was built "
                    + "without config/calendar");
        }
        return b.build();
    }

    public boolean isWorkingDay(LocalDate d) {
        if (workdays.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The n-th working day after {@code d} ({@code d} itself not counted): "within n working days of d". */
    public LocalDate plusWorkingDays(LocalDate d, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be ≥ 0, got " + n);
        }
        LocalDate day = d;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Whether {@code d}'s year has a published calendar. When it has not, {@link #isWorkingDay} answers plain
     * Monday–Friday, and callers that report a deadline say so.
     */
    public boolean covers(LocalDate d) {
        return years.contains(d.getYear());
    }

    /** Years with a calendar file, ascending. */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    /**
     * Collects year files and checks each, so that a typo fails at start-up rather than shifting deadlines: every
     * date lies in the file's year, a make-up workday is a Saturday or Sunday, no day is both, no year twice.
     */
    private static final class Builder {
        private final Set<Integer> years = new HashSet<>();
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Set<LocalDate> workdays = new HashSet<>();

        void add(String source, String text) {
            Properties p = new Properties();
            try (Reader r = new StringReader(text)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
            int year;
            try {
                year = Integer.parseInt(p.getProperty("year", "").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": missing or bad 'year'", e);
            }
            for (LocalDate d : dates(source, p.getProperty("holidays", ""))) {
                requireYear(source, year, d);
                holidays.add(d);
            }
            for (LocalDate d : dates(source, p.getProperty("workdays", ""))) {
                requireYear(source, year, d);
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw new IllegalArgumentException(source + ": make-up workday " + d + " is a " + d.getDayOfWeek()
                            + ", not a weekend day");
                }
                workdays.add(d);
            }
            for (LocalDate d : workdays) {
                if (holidays.contains(d)) {
                    throw new IllegalArgumentException(source + ": " + d + " is both a holiday and a make-up workday");
                }
            }
            if (!years.add(year)) {
                throw new IllegalArgumentException(source + ": a calendar for " + year + " was already loaded");
            }
        }

        private static void requireYear(String source, int year, LocalDate d) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(source + ": " + d + " is not in year " + year);
            }
        }

        private static Set<LocalDate> dates(String source, String list) {
            Set<LocalDate> out = new HashSet<>();
            for (String item : list.split(",")) {
                String t = item.trim();
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    int range = t.indexOf("..");
                    if (range < 0) {
                        out.add(LocalDate.parse(t));
                    } else {
                        LocalDate from = LocalDate.parse(t.substring(0, range).trim());
                        LocalDate to = LocalDate.parse(t.substring(range + 2).trim());
                        if (to.isBefore(from)) {
                            throw new IllegalArgumentException(source + ": range " + t + " ends before it starts");
                        }
                        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                            out.add(d);
                        }
                    }
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(source + ": \"" + t + "\" is not a date or FROM..TO range", e);
                }
            }
            return out;
        }

        WorkingDayCalendar build() {
            return new WorkingDayCalendar(years, holidays, workdays);
        }
    }
}
