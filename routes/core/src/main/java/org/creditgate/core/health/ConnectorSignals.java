package org.creditgate.core.health;

import java.time.Duration;
import java.time.Instant;

import org.creditgate.core.connectors.ConnectorState;

/**
 * What one connector did, as progress health reads it. Times are null when it never happened.
 *
 * @param runningSince when its routes (re)started — the start of the window in which it must show progress
 * @param oldestInFlight start of the oldest run of its routes still in flight
 * @param lastProgress last run that finished well, or last successful ingest call (a long multi-page poll progresses)
 * @param lastFailure last run that failed (also when the route's own error handler handled it)
 * @param lastStart last run started by any of its routes
 * @param scheduledEvery the shortest period of its timer/scheduler routes (a polling source), null when it has none
 */
public record ConnectorSignals(String id, ConnectorState state, String problem, Instant runningSince,
        Instant oldestInFlight, Instant lastProgress, Instant lastFailure, String lastError, Instant lastStart,
        Duration scheduledEvery) {
}
