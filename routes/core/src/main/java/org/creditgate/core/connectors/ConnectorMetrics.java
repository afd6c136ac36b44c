package org.creditgate.core.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;

/** Counters of one connector instance since it was bound: what it handed to ingest and what ingest answered. */
public final class ConnectorMetrics {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong alreadyAccepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> sourceTime = new AtomicReference<>();
    /** Deliveries sent and not yet answered by a receipt, and since when no receipt arrived while some wait. */
    private long awaitingReceipt;
    private Instant awaitingSince;

    void succeeded(IngestResult result, Instant at) {
        received.addAndGet(result.results().size());
        accepted.addAndGet(result.count(IngestStatus.ACCEPTED));
        alreadyAccepted.addAndGet(result.count(IngestStatus.ALREADY_ACCEPTED));
        rejected.addAndGet(result.count(IngestStatus.REJECTED));
        lastSuccess.set(at);
    }

    void failed(int records, String error, Instant at) {
        received.addAndGet(records);
        failedCalls.incrementAndGet();
        lastFailure.set(at);
        lastError.set(error);
    }

    /** A sink's report: records sent to its upstream, and the upstream's verdicts. */
    void delivered(int sent, int accepted, int rejected, Instant at) {
        received.addAndGet(sent);
        this.accepted.addAndGet(accepted);
        this.rejected.addAndGet(rejected);
        if (accepted > 0) {
            lastSuccess.set(at);
        }
        synchronized (this) {
            long before = awaitingReceipt;
            // a receipt for a delivery sent before this instance was bound must not make the count negative
            awaitingReceipt = Math.max(0, awaitingReceipt + sent - accepted - rejected);
            if (awaitingReceipt == 0) {
                awaitingSince = null;
            } else if (before == 0 || accepted + rejected > 0) {
                awaitingSince = at;
            }
        }
    }

    /** Deliveries this sink sent that no receipt answered yet (since it was bound). */
    public synchronized long awaitingReceipt() {
        return awaitingReceipt;
    }

    /** Since when no receipt arrived while deliveries wait for one; empty when none waits. */
    public synchronized java.util.Optional<Instant> awaitingSince() {
        return java.util.Optional.ofNullable(awaitingSince);
    }

    public long alreadyAccepted() {
        return alreadyAccepted.get();
    }

    /** Ingest calls that failed as a whole (broker down, bad shape). */
    public long failedCalls() {
        return failedCalls.get();
    }

    /** Last ingest call that returned (or, for a sink, last accepted receipt). */
    public java.util.Optional<Instant> lastSuccess() {
        return java.util.Optional.ofNullable(lastSuccess.get());
    }

    /** Newest source time read so far (for the watermark lag). */
    public java.util.Optional<Instant> sourceTime() {
        return java.util.Optional.ofNullable(sourceTime.get());
    }

    void sourceTime(Instant newest) {
        sourceTime.accumulateAndGet(newest, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    public long received() {
        return received.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** JSON-ready view; lag is now minus the newest source time read (absent before the first read). */
    public Map<String, Object> view(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", received.get());
        m.put("accepted", accepted.get());
        m.put("alreadyAccepted", alreadyAccepted.get());
        m.put("rejected", rejected.get());
        m.put("failedCalls", failedCalls.get());
        m.put("lastSuccessAt", text(lastSuccess.get()));
        m.put("lastFailureAt", text(lastFailure.get()));
        m.put("lastError", lastError.get());
        Instant source = sourceTime.get();
        m.put("sourceTime", text(source));
        m.put("lagSeconds", source == null ? null : Math.max(0, Duration.between(source, now).toSeconds()));
        return m;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
