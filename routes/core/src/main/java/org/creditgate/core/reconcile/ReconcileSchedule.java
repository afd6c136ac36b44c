package org.creditgate.core.reconcile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When the daily run is due: once a business day (the zone of {@code business.zone}) at or after {@code reconcile.at}
 * — and, after a restart past that time, still that day (catch-up), but never twice a day. A minute timer asks
 * {@link #due}; the day of the last scheduled run is kept by the caller.
 */
public final class ReconcileSchedule {

    private final LocalTime at;

    private ReconcileSchedule(LocalTime at) {
        this.at = at;
    }

    /** {@code HH:mm}; empty or "off": no scheduled runs (run-now still works). */
    public static ReconcileSchedule parse(String text) {
        return parse("reconcile.at", text);
    }

    /** The same for another daily job's key (named in the error). */
    public static ReconcileSchedule parse(String key, String text) {
        if (text == null || text.isBlank() || "off".equalsIgnoreCase(text.strip())) {
            return new ReconcileSchedule(null);
        }
        try {
            return new ReconcileSchedule(LocalTime.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("org.creditgate.core: " + key + " \"" + text
                    + "\" must be a time of day such as 06:00, or off", e);
        }
    }

    public boolean enabled() {
        return at != null;
    }

    /** Whether a run is due at {@code now}, the last scheduled run having been on {@code lastRun} (null: never). */
    public boolean due(ZonedDateTime now, LocalDate lastRun) {
        return at != null && !now.toLocalTime().isBefore(at) && (lastRun == null || lastRun.isBefore(now.toLocalDate()));
    }

    @Override
    public String toString() {
        return at == null ? "off" : "daily at " + at;
    }
}
