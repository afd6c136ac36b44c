package org.creditgate.simulators.upstream.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * How an upstream misbehaves, changed at any time by a test or over HTTP ({@link AdminApi}); thread-safe. Nothing is
 * on by default. Random failures draw from a {@link Random} seeded by {@link #errorRate(double, long)}, one draw per
 * request, so a single-threaded client sees the same failures on every run.
 */
public final class Misbehaviour {

    private final Clock clock;
    private final List<OutageWindow> outages = new CopyOnWriteArrayList<>();
    private final List<RejectRule> rejectRules = new CopyOnWriteArrayList<>();
    private final List<Predicate<BodyItem>> dropRules = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failuresServed = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration receiptDelay = Duration.ZERO;
    private volatile int duplicateReceipts;
    private double errorRate;
    private long seed;
    private Random random = new Random(0);

    public Misbehaviour(Clock clock) {
        this.clock = clock;
    }

    public Misbehaviour() {
        this(Clock.systemUTC());
    }

    // --- settings ---

    /** Every request waits this long before it is handled. */
    public Misbehaviour latency(Duration d) {
        latency = d;
        return this;
    }

    /** A fraction of requests (0..1) fails (HTTP 500, SOAP fault INTERNAL, a file left for the next scan). */
    public synchronized Misbehaviour errorRate(double rate, long randomSeed) {
        errorRate = rate;
        seed = randomSeed;
        random = new Random(randomSeed);
        return this;
    }

    /** The next {@code n} requests fail, whatever the error rate. */
    public Misbehaviour failNext(int n) {
        failNext.set(n);
        return this;
    }

    /** An outage [from, to). */
    public Misbehaviour outage(Instant from, Instant to) {
        outages.add(new OutageWindow(from, to));
        return this;
    }

    /** An outage from now on, for {@code d}. */
    public Misbehaviour outageFor(Duration d) {
        Instant now = clock.instant();
        return outage(now, now.plus(d));
    }

    public Misbehaviour clearOutages() {
        outages.clear();
        return this;
    }

    public Misbehaviour reject(RejectRule rule) {
        rejectRules.add(rule);
        return this;
    }

    public Misbehaviour clearRejectRules() {
        rejectRules.clear();
        return this;
    }

    /** Matching records are acknowledged ACCEPTED but not held. */
    public Misbehaviour drop(Predicate<BodyItem> which) {
        dropRules.add(which);
        return this;
    }

    public Misbehaviour dropRecord(String recordId) {
        return drop(i -> recordId.equals(i.recordId()));
    }

    /** Every asynchronous receipt is delivered {@code copies} extra times. */
    public Misbehaviour duplicateReceipts(int copies) {
        duplicateReceipts = copies;
        return this;
    }

    /** Asynchronous receipts are released this long after the message arrived. */
    public Misbehaviour receiptDelay(Duration d) {
        receiptDelay = d;
        return this;
    }

    /** Back to a well-behaved upstream (stored data untouched). */
    public synchronized Misbehaviour reset() {
        outages.clear();
        rejectRules.clear();
        dropRules.clear();
        failNext.set(0);
        latency = Duration.ZERO;
        receiptDelay = Duration.ZERO;
        duplicateReceipts = 0;
        errorRate = 0;
        return this;
    }

    // --- queries, called by the simulators ---

    public Instant now() {
        return clock.instant();
    }

    public boolean inOutage() {
        Instant now = clock.instant();
        return outages.stream().anyMatch(w -> w.covers(now));
    }

    /** One draw: whether this request fails (failNext first, then the error rate). */
    public boolean nextRequestFails() {
        boolean fail = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || drawFailure();
        if (fail) {
            failuresServed.incrementAndGet();
        }
        return fail;
    }

    private synchronized boolean drawFailure() {
        return errorRate > 0 && random.nextDouble() < errorRate;
    }

    public int failuresServed() {
        return failuresServed.get();
    }

    /** Waits the configured latency (on the server's request thread). */
    public void applyLatency() {
        Duration d = latency;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Optional<RecordError> rejection(String dataset, String msgType, BodyItem item) {
        RejectRule.RuleInput in = new RejectRule.RuleInput(dataset, msgType, item);
        return rejectRules.stream().filter(r -> r.matches().test(in)).map(RejectRule::error).findFirst();
    }

    public boolean drops(BodyItem item) {
        return dropRules.stream().anyMatch(p -> p.test(item));
    }

    public int duplicateReceipts() {
        return duplicateReceipts;
    }

    public Duration receiptDelay() {
        return receiptDelay;
    }

    /** The current settings, for {@code GET /admin/state}. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latencyMs", latency.toMillis());
        m.put("errorRate", errorRate);
        m.put("errorSeed", seed);
        m.put("failNext", failNext.get());
        m.put("failuresServed", failuresServed.get());
        m.put("outages", outages.stream().map(w -> Map.of("from", w.from().toString(), "to", w.to().toString()))
                .toList());
        m.put("inOutage", inOutage());
        m.put("rejectRules", rejectRules.stream().map(RejectRule::description).toList());
        m.put("dropRules", dropRules.size());
        m.put("duplicateReceipts", duplicateReceipts);
        m.put("receiptDelayMs", receiptDelay.toMillis());
        return m;
    }
}
