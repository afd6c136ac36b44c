package org.creditgate.model.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.creditgate.model.Dataset;
import org.creditgate.model.Op;
import org.creditgate.model.calendar.WorkingDayCalendar;

/**
 * 推送窗口: when an upstream platform takes ordinary records — a window that opens at each firing of a cron
 * expression and stays open for {@link #window()}, optionally only on working days of the business calendar — and
 * which messages skip the wait on the real-time lane. {@link #ALWAYS}: no window, records flow as they come.
 *
 * <p>The rules of a window (when it opens, which opening was missed, what is real-time) live here; the gateway
 * only asks.
 *
 * @param cron     when windows open; null for {@link #ALWAYS}
 * @param window   how long a window stays open
 * @param days     which days windows open on
 * @param realtime tokens of what takes the real-time lane: operation names (UPDATE, DELETE, ADD) and dataset names
 *                 (SHIELD, …)
 */
public record PushSchedule(CronSchedule cron, Duration window, Days days, Set<String> realtime) {

    /** Which days a window may open on. */
    public enum Days {
        /** Every day the cron expression names. */
        EVERY_DAY,
        /** Only working days of the business calendar (工作日, holidays and 调休 included). */
        WORKING_DAYS
    }

    /** No window: every record is delivered as soon as it is routed. */
    public static final PushSchedule ALWAYS = new PushSchedule(null, Duration.ZERO, Days.EVERY_DAY, Set.of());

    public PushSchedule {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(days, "days");
        realtime = Set.copyOf(new TreeSet<>(realtime));
        if (cron != null && (window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("window " + window + " must be positive");
        }
        for (String token : realtime) {
            if (!isOp(token) && !isDataset(token)) {
                throw new IllegalArgumentException("real-time '" + token + "' is neither an operation "
                        + Arrays.toString(Op.values()) + " nor a dataset " + Arrays.toString(Dataset.values()));
            }
        }
    }

    /** A windowed schedule. @throws IllegalArgumentException naming what is wrong */
    public static PushSchedule windowed(String cron, Duration window, Days days, Set<String> realtime) {
        Set<String> upper = new TreeSet<>();
        realtime.forEach(t -> upper.add(t.trim().toUpperCase(Locale.ROOT)));
        return new PushSchedule(CronSchedule.parse(cron), window, days, upper);
    }

    public boolean always() {
        return cron == null;
    }

    /** Whether a record version of this dataset and operation may skip the window. */
    public boolean realtime(Dataset dataset, Op op) {
        return !always() && (realtime.contains(op.name()) || realtime.contains(dataset.name()));
    }

    /** The latest opening at or before {@code now}, if the schedule has one (none for {@link #ALWAYS}). */
    public Optional<Instant> lastOpening(Instant now, ZoneId zone, WorkingDayCalendar calendar) {
        if (always()) {
            return Optional.empty();
        }
        return cron.lastAtOrBefore(LocalDateTime.ofInstant(now, zone), allowed(calendar))
                .map(t -> t.atZone(zone).toInstant());
    }

    /** The first opening after {@code now}, for operators ("next window"). */
    public Optional<Instant> nextOpening(Instant now, ZoneId zone, WorkingDayCalendar calendar) {
        if (always()) {
            return Optional.empty();
        }
        return cron.nextAfter(LocalDateTime.ofInstant(now, zone), allowed(calendar))
                .map(t -> t.atZone(zone).toInstant());
    }

    private Predicate<LocalDate> allowed(WorkingDayCalendar calendar) {
        return days == Days.WORKING_DAYS ? calendar::isWorkingDay : d -> true;
    }

    private static boolean isOp(String token) {
        return Arrays.stream(Op.values()).anyMatch(o -> o.name().equals(token));
    }

    private static boolean isDataset(String token) {
        return Arrays.stream(Dataset.values()).anyMatch(d -> d.name().equals(token));
    }

    @Override
    public String toString() {
        return always() ? "always" : "'" + cron + "' for " + window.toString().substring(2).toLowerCase(Locale.ROOT)
                + (days == Days.WORKING_DAYS ? " on working days" : "") + ", real-time " + realtime;
    }
}
