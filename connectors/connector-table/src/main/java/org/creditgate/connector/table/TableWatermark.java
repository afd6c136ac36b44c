package org.creditgate.connector.table;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where the poll has read up to: the update time and id of the last row fully processed (ingested and written back).
 * Stored as text {@code <ISO-8601 instant>|<id>} so operators can read and rewind it through the core's watermark
 * API; an empty id ({@code 2026-11-01T00:00:00Z|}) means "every row from that update time on".
 */
record TableWatermark(Instant updatedAt, String id) {

    private static final char SEPARATOR = '|';

    static Optional<TableWatermark> parse(Optional<String> stored) {
        return stored.filter(s -> !s.isBlank()).map(TableWatermark::parse);
    }

    static TableWatermark parse(String text) {
        int bar = text.indexOf(SEPARATOR);
        if (bar < 0) {
            throw new IllegalArgumentException("watermark '" + text + "' is not <ISO instant>|<id>");
        }
        try {
            return new TableWatermark(Instant.parse(text.substring(0, bar).strip()), text.substring(bar + 1).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("watermark '" + text + "' does not start with an ISO-8601 instant "
                    + "such as 2026-11-30T08:00:00Z");
        }
    }

    String format() {
        return updatedAt + String.valueOf(SEPARATOR) + id;
    }

    @Override
    public String toString() {
        return format();
    }
}
