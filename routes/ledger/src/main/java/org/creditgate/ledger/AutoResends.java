package org.creditgate.ledger;

import java.time.Instant;

/**
 * The automatic resends reconciliation made of one record version to one upstream.
 *
 * @param tries          resends so far
 * @param lastTryAt      when the last one was made
 * @param deadLetteredAt when the version was given up on (dead-lettered), or null
 */
public record AutoResends(String recordId, int version, String upstream, int tries, Instant lastTryAt,
        Instant deadLetteredAt) {

    public VersionRef ref() {
        return new VersionRef(recordId, version);
    }
}
