package org.creditgate.model.publication;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * 公示期: how long one record is published under one regime. Days follow 民法典 art. 201–202 (domain.md §5.1): the
 * start day is not counted and a period of months or years ends on the same-numbered day of its last month, or that
 * month's last day (= {@code plusMonths}/{@code plusYears}); periods are not shifted for holidays.
 *
 * @param regime the rule it follows
 * @param start  公示起算日 (decision date, or GSXT's publication date); not counted
 * @param minEnd last day of the minimum period (最短公示期); equal to {@code maxEnd} when the regime has no early end
 * @param maxEnd last day of the maximum period (最长公示期); publication stops at the start of the next day
 */
public record PublicationPeriod(PublicationRegime regime, LocalDate start, LocalDate minEnd, LocalDate maxEnd) {

    /** 处罚有效期 / 有效期至 of a permanent measure (长期): it never ends by itself. */
    public static final LocalDate PERMANENT = LocalDate.of(2099, 12, 31);

    public PublicationPeriod {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(minEnd, "minEnd");
        Objects.requireNonNull(maxEnd, "maxEnd");
        if (minEnd.isAfter(maxEnd)) {
            throw new IllegalArgumentException("minimum period ends after the maximum: " + minEnd + " > " + maxEnd);
        }
    }

    /** The first day a repair may be applied for: the day after the minimum period. */
    public LocalDate earliestRepairOn() {
        return minEnd.plusDays(1);
    }

    /** The instant publication stops without any application: the start of the day after {@code maxEnd}. */
    public ZonedDateTime stopsAt(ZoneId zone) {
        return maxEnd.plusDays(1).atStartOfDay(zone);
    }

    /** Whether the maximum period has run out by {@code day} (that is, {@code day} is after {@code maxEnd}). */
    public boolean endedBy(LocalDate day) {
        return day.isAfter(maxEnd) && !maxEnd.equals(PERMANENT);
    }
}
