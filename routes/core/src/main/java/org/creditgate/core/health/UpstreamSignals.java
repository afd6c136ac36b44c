package org.creditgate.core.health;

import java.time.Instant;

/**
 * What one upstream's delivery looks like, as progress health reads it. Times are null when there is nothing.
 *
 * @param heldBy why its scheduled lane does not run now ("push window closed", "paused by an operator"), null when it
 *        runs: a growing queue is then expected, not a stall
 * @param queued messages waiting on its scheduled queue; {@code oldestQueued} the oldest one's enqueue time
 * @param realtimeQueued messages waiting on its real-time queue (runs always); {@code oldestRealtime} likewise
 * @param dlqDepth letters on its dead-letter queue; {@code dlqGrowth} how many were added within the DLQ window
 * @param awaitingReceipt deliveries sent with no receipt yet; {@code awaitingSince} since when none arrived
 */
public record UpstreamSignals(String upstream, String heldBy, long queued, Instant oldestQueued,
        long realtimeQueued, Instant oldestRealtime, long dlqDepth, long dlqGrowth, long awaitingReceipt,
        Instant awaitingSince) {
}
