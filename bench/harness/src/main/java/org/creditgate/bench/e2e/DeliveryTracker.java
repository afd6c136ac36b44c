package org.creditgate.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * Follows every record the benchmark pushed until each upstream it is routed to holds it. Ingest registers a record
 * when the gateway answers ACCEPTED (its recordId, version, send time and target upstreams); a poller reads each
 * upstream simulator's store (append-only, in arrival order) and matches arrivals. An arrival may be seen before
 * its ingest answer (delivery can overtake the HTTP response): it waits in {@code early} until the record is known.
 * End-to-end latency of a record = arrival at its last upstream − the time its ingest request was sent.
 */
public final class DeliveryTracker {

    /** One arrival at an upstream as the simulator stored it. */
    public record Arrival(String upstream, String recordId, int version, Instant at) {
    }

    private static final class Tracked {
        final String phase;
        final int version;
        final Instant sentAt;
        final Set<String> targets;
        final Map<String, Instant> arrived = new HashMap<>();

        Tracked(String phase, int version, Instant sentAt, Set<String> targets) {
            this.phase = phase;
            this.version = version;
            this.sentAt = sentAt;
            this.targets = targets;
        }
    }

    /** Per phase: records registered and fully delivered, latency, the last full delivery. */
    public static final class PhaseStats {
        public long registered;
        public long delivered;
        public Instant lastDelivery;
        public final Histogram e2eMicros = new Histogram(3_600_000_000L, 3);
        public final Map<String, Histogram> perUpstreamMicros = new LinkedHashMap<>();
    }

    private final Map<String, Tracked> records = new HashMap<>();
    private final List<Arrival> early = new ArrayList<>();
    private final Map<String, PhaseStats> phases = new ConcurrentHashMap<>();
    private final Map<String, Supplier<List<Arrival>>> sources = new LinkedHashMap<>();
    private final Timeline timeline;
    private long duplicates;
    private long unexpected;

    public DeliveryTracker(Timeline timeline) {
        this.timeline = timeline;
    }

    /** An upstream's new arrivals since the previous call (the caller keeps the position in its store). */
    public synchronized void source(String upstream, Supplier<List<Arrival>> newArrivals) {
        sources.put(upstream, newArrivals);
    }

    public synchronized void register(String phase, String recordId, int version, Instant sentAt, Set<String> targets) {
        Tracked known = records.get(recordId);
        if (known != null && known.version == version) {
            return; // the same record answered again (a resend answered ALREADY_ACCEPTED): already followed
        }
        records.put(recordId, new Tracked(phase, version, sentAt, targets));
        phases.computeIfAbsent(phase, p -> new PhaseStats()).registered++;
    }

    /** Reads every source once and matches what arrived. */
    public synchronized void poll() {
        List<Arrival> batch = new ArrayList<>(early);
        early.clear();
        for (Supplier<List<Arrival>> s : sources.values()) {
            batch.addAll(s.get());
        }
        for (Arrival a : batch) {
            Tracked t = records.get(a.recordId());
            if (t == null) {
                early.add(a);
                continue;
            }
            if (a.version() != t.version || !t.targets.contains(a.upstream())) {
                unexpected++;
                continue;
            }
            if (t.arrived.putIfAbsent(a.upstream(), a.at()) != null) {
                duplicates++;
                continue;
            }
            PhaseStats ps = phases.get(t.phase);
            long upMicros = Math.max(0, Duration.between(t.sentAt, a.at()).toNanos() / 1000);
            ps.perUpstreamMicros.computeIfAbsent(a.upstream(), u -> new Histogram(3_600_000_000L, 3))
                    .recordValue(Math.min(upMicros, 3_600_000_000L));
            if (t.arrived.size() == t.targets.size()) {
                Instant last = t.arrived.values().stream().max(Instant::compareTo).orElseThrow();
                long micros = Math.max(0, Duration.between(t.sentAt, last).toNanos() / 1000);
                ps.e2eMicros.recordValue(Math.min(micros, 3_600_000_000L));
                ps.delivered++;
                ps.lastDelivery = ps.lastDelivery == null || last.isAfter(ps.lastDelivery) ? last : ps.lastDelivery;
                timeline.count("delivered to every upstream", last, 1);
                timeline.latency("end-to-end (" + t.phase + ")", last, micros);
            }
        }
    }

    /** Polls every {@code pollMillis} until every record of the phase is delivered or the timeout passes. */
    public boolean awaitDelivered(String phase, Duration timeout, long pollMillis) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            poll();
            PhaseStats ps = stats(phase);
            if (ps.delivered >= ps.registered) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(pollMillis);
        }
    }

    public synchronized PhaseStats stats(String phase) {
        return phases.computeIfAbsent(phase, p -> new PhaseStats());
    }

    /** Records not (yet) held by every upstream they are routed to: per upstream, how many are missing. */
    public synchronized Map<String, Long> missing() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Tracked t : records.values()) {
            for (String u : t.targets) {
                if (!t.arrived.containsKey(u)) {
                    out.merge(u, 1L, Long::sum);
                }
            }
        }
        return out;
    }

    /** The records not (yet) held by every upstream they are routed to, with the upstreams that lack them. */
    public synchronized Map<String, Set<String>> missingRecords() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        records.forEach((id, t) -> {
            Set<String> lacking = new java.util.TreeSet<>(t.targets);
            lacking.removeAll(t.arrived.keySet());
            if (!lacking.isEmpty()) {
                out.put(id, lacking);
            }
        });
        return out;
    }

    /** A second arrival of the same recordId+version at the same upstream. */
    public synchronized long duplicates() {
        return duplicates;
    }

    /** Arrivals of records never pushed (or answered ACCEPTED), of another version, or at an upstream not routed to. */
    public synchronized long unexpected() {
        return unexpected + early.size();
    }

    /** Whether the record (this version) is followed already. */
    public synchronized boolean isRegistered(String recordId, int version) {
        Tracked t = records.get(recordId);
        return t != null && t.version == version;
    }

    /** The upstreams each followed record is routed to, by recordId (with its version), for the ledger check. */
    public synchronized Map<String, Map.Entry<Integer, Set<String>>> routed() {
        Map<String, Map.Entry<Integer, Set<String>>> out = new LinkedHashMap<>();
        records.forEach((id, t) -> out.put(id, Map.entry(t.version, t.targets)));
        return out;
    }

    /** Per upstream: how many followed records are routed there. */
    public synchronized Map<String, Long> routedPerUpstream() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Tracked t : records.values()) {
            t.targets.forEach(u -> out.merge(u, 1L, Long::sum));
        }
        return out;
    }

    public synchronized long registered() {
        return records.size();
    }
}
