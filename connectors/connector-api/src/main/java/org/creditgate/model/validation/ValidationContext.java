package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.calendar.WorkingDayCalendar;

/**
 * What validation needs from outside the record.
 *
 * @param receivedOn the business date (Asia/Shanghai) the gateway received the record: no decision may be later,
 *                   and late reporting is measured to it
 * @param calendar   working days for the 7-working-day publication rule
 */
public record ValidationContext(LocalDate receivedOn, WorkingDayCalendar calendar) {
}
