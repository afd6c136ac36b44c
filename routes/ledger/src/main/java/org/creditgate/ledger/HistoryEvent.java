package org.creditgate.ledger;

import java.time.Instant;

/** One step in a record's life (RECEIVED_VALID, QUEUED, SUPERSEDED …), with a short detail text. */
public record HistoryEvent(String recordId, int version, Instant at, String event, String detail) {
}
