package org.creditgate.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Per-second buckets (seconds since the run started) of named counters ("records/s") and latency histograms
 * (microseconds), for the chart and the JSON report. Thread-safe.
 */
public final class Timeline {

    private final Instant start;
    private final Map<String, TreeMap<Integer, Long>> counts = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, Histogram>> latencies = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, Double>> gauges = new LinkedHashMap<>();

    public Timeline(Instant start) {
        this.start = start;
    }

    public Instant start() {
        return start;
    }

    public int second(Instant at) {
        return (int) Math.max(0, Duration.between(start, at).toMillis() / 1000);
    }

    public synchronized void count(String series, Instant at, long n) {
        counts.computeIfAbsent(series, s -> new TreeMap<>()).merge(second(at), n, Long::sum);
    }

    public synchronized void latency(String series, Instant at, long micros) {
        latencies.computeIfAbsent(series, s -> new TreeMap<>())
                .computeIfAbsent(second(at), s -> new Histogram(3_600_000_000L, 2))
                .recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    /** A sampled value (e.g. heap MB); the highest sample of a second wins. */
    public synchronized void gauge(String series, Instant at, double value) {
        gauges.computeIfAbsent(series, s -> new TreeMap<>()).merge(second(at), value, Math::max);
    }

    public synchronized Map<String, TreeMap<Integer, Long>> counts() {
        Map<String, TreeMap<Integer, Long>> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    /** Per series and second, the given percentile in milliseconds. */
    public synchronized Map<String, TreeMap<Integer, Double>> percentile(double p) {
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        latencies.forEach((k, v) -> {
            TreeMap<Integer, Double> m = new TreeMap<>();
            v.forEach((s, h) -> m.put(s, h.getValueAtPercentile(p) / 1000.0));
            out.put(k, m);
        });
        return out;
    }

    public synchronized Map<String, TreeMap<Integer, Double>> gauges() {
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        gauges.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    public synchronized int lastSecond() {
        int last = 0;
        for (TreeMap<Integer, Long> m : counts.values()) {
            last = m.isEmpty() ? last : Math.max(last, m.lastKey());
        }
        for (TreeMap<Integer, Histogram> m : latencies.values()) {
            last = m.isEmpty() ? last : Math.max(last, m.lastKey());
        }
        for (TreeMap<Integer, Double> m : gauges.values()) {
            last = m.isEmpty() ? last : Math.max(last, m.lastKey());
        }
        return last;
    }
}
