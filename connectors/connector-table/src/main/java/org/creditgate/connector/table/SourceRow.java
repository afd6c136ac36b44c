package org.creditgate.connector.table;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the exchange table as read: its watermark position, its values as text by column name, and what the
 * gateway wrote back last time (record id and fingerprint), which decides whether a re-read row is a change.
 *
 * @param updatedAt the update time exactly as read, bound again unchanged to guard the write-back
 * @param id        the id as read (Long or String), bound again unchanged
 */
record SourceRow(Timestamp updatedAt, Object id, Map<String, String> values, Optional<String> recordId,
        Optional<String> fingerprint) {

    TableWatermark watermark() {
        return new TableWatermark(updatedAt.toInstant(), String.valueOf(id));
    }
}
