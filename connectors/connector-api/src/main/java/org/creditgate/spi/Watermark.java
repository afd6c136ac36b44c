package org.creditgate.spi;

import java.util.Optional;

/**
 * Where a polling connector has read up to in its source (an update timestamp + id, a court's change sequence, a
 * file name). Stored in the ledger, so it survives restarts, and visible and rewindable by operators through
 * {@code /api/v1/connectors/{id}/watermark}.
 *
 * <p>At-least-once rule: a connector advances its watermark only after {@link ConnectorContext#ingest} returned
 * for everything before it. A crash in between re-reads a little, and idempotent ingest makes that harmless.
 */
public interface Watermark {

    /** The stored value, empty before the first successful read (or after a rewind to the start). */
    Optional<String> get();

    /** Stores a new value; the previous one is kept in the watermark's history. */
    void set(String value);
}
