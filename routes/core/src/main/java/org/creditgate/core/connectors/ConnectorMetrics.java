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
    /** Versions a sink reported SENT and no receipt settled yet, with when they were sent (guarded by this). */
    private final java.util.Map<Object, Instant> awaiting = new java.util.LinkedHashMap<>();
    private Instant lastReceipt;
    private static final int MAX_AWAITED = 100_000;

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

    /**
     * A sink reported these versions SENT (an asynchronous receipt will follow): counted as received (= sent) once
     * each, and awaited until a receipt settles them.
     */
    synchronized void sent(java.util.Collection<?> refs, Instant at) {
        for (Object ref : refs) {
            if (awaiting.put(ref, at) == null) {
                received.incrementAndGet();
            }
        }
        while (awaiting.size() > MAX_AWAITED) {
            // receipts that never come are reconciliation's to chase; keep the memory bounded
            awaiting.remove(awaiting.keySet().iterator().next());
        }
    }

    /**
     * A sink settled these versions: {@code accepted} or rejected, {@code receipt} when the upstream answered (not a
     * refusal before sending). A version settled by a synchronous receipt was never reported SENT: it is sent now.
     */
    synchronized void settled(java.util.Collection<?> refs, boolean accepted, boolean receipt, Instant at) {
        for (Object ref : refs) {
            if (awaiting.remove(ref) == null && receipt) {
                received.incrementAndGet();
            }
        }
        (accepted ? this.accepted : this.rejected).addAndGet(refs.size());
        if (receipt) {
            lastReceipt = at;
        }
        if (accepted && !refs.isEmpty()) {
            lastSuccess.set(at);
        }
    }

    /** The sink gave up waiting for these receipts (UNKNOWN): reconciliation queries the upstream from here on. */
    synchronized void abandoned(java.util.Collection<?> refs) {
        refs.forEach(awaiting::remove);
    }

    /** Deliveries this sink sent that no receipt answered yet (since it was bound). */
    public synchronized long awaitingReceipt() {
        return awaiting.size();
    }

    /**
     * Since when deliveries wait with no receipt arriving: the later of the oldest waiting send and the last receipt;
     * empty when none waits.
     */
    public synchronized java.util.Optional<Instant> awaitingSince() {
        if (awaiting.isEmpty()) {
            return java.util.Optional.empty();
        }
        Instant oldest = java.util.Collections.min(awaiting.values());
        return java.util.Optional.of(lastReceipt != null && lastReceipt.isAfter(oldest) ? lastReceipt : oldest);
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
