package org.creditgate.core.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch-up of {@link AcceptedListener}s: hands them again the current versions of their datasets that arrived
 * recently, so that what a crash (or a failed listener) left between a record's storing and its listener's work is
 * done after all. The first sweep after a start looks back {@code lookback}; every later one from shortly before the
 * previous one began. The listeners must be idempotent, which {@link AcceptedListener} asks of them anyway.
 */
public final class AcceptedSweep {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedSweep.class);
    private static final int PAGE = 500;

    private final Ledger ledger;
    private final List<String> datasets;
    private final List<AcceptedListener> listeners;
    private final Clock clock;
    private final Duration lookback;
    private final Duration overlap;
    private Instant lastStart;

    /**
     * @param overlap how far before the previous sweep's start the next one looks (a record stored while it ran)
     */
    public AcceptedSweep(Ledger ledger, List<String> datasets, List<AcceptedListener> listeners, Clock clock,
            Duration lookback, Duration overlap) {
        this.ledger = ledger;
        this.datasets = List.copyOf(datasets);
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.lookback = lookback;
        this.overlap = overlap;
    }

    /** Runs one sweep; returns how many versions it handed to the listeners. */
    public synchronized int sweep() {
        Instant start = clock.instant();
        Instant since = lastStart == null ? start.minus(lookback) : lastStart.minus(overlap);
        int seen = 0;
        while (true) {
            List<RecordVersion> page = ledger.currentVersions(datasets, since, PAGE);
            for (AcceptedListener l : listeners) {
                l.accepted(page, start);
            }
            seen += page.size();
            Instant last = page.isEmpty() ? since : page.get(page.size() - 1).receivedAt();
            // a full page all received in the same instant cannot advance: rare, and its rest waits for the next run
            if (page.size() < PAGE || !last.isAfter(since)) {
                break;
            }
            since = last;
        }
        lastStart = start;
        LOG.debug("Accepted-record catch-up: {} current versions of {} looked at", seen, datasets);
        return seen;
    }
}
