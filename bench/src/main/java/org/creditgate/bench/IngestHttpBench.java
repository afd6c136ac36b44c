package org.creditgate.bench;

import org.creditgate.bench.e2e.CommandLine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Recorder;

/**
 * Ingest throughput over HTTP against a running gateway (./gateway start): N clients push batches of distinct
 * 行政处罚 records flat out for a fixed time; prints records/s (ACCEPTED only) and request latency percentiles.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.creditgate.bench.IngestHttpBench [--url U] [--token T]
 *      [--batch 100] [--clients 4] [--seconds 30] [--warmup 10]</pre>
 */
public final class IngestHttpBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = CommandLine.options(args);
        URI url = URI.create(opt.getOrDefault("url", "http://127.0.0.1:8181/api/v1") + "/records");
        String token = opt.getOrDefault("token", "demo-token");
        int batch = Integer.parseInt(opt.getOrDefault("batch", "100"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicLong serial = new AtomicLong();
        System.out.printf("Warm-up %d s, then %d s measured: %d clients, batches of %d, %s%n", warmup, seconds, clients,
                batch, url);
        phase(http, url, token, batch, clients, warmup, run, serial);
        Result r = phase(http, url, token, batch, clients, seconds, run, serial);
        System.out.printf("accepted %d records in %.1f s = %.0f records/s; %d requests, %d failed, %d records not ACCEPTED%n",
                r.accepted, r.seconds, r.accepted / r.seconds, r.requests, r.failedRequests, r.notAccepted);
        System.out.printf("request latency (batch of %d): p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", batch,
                r.p50, r.p99, r.p999, r.max);
        if (r.failedRequests > 0 || r.notAccepted > 0) {
            System.exit(1);
        }
    }

    private record Result(long accepted, long notAccepted, long requests, long failedRequests, double seconds,
            double p50, double p99, double p999, double max) {
    }

    private static Result phase(HttpClient http, URI url, String token, int batch, int clients, int seconds,
            String run, AtomicLong serial) throws Exception {
        Recorder latency = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong notAccepted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = body(batch, run, serial);
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(url)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latency.recordValue((System.nanoTime() - s) / 1000);
                        requests.incrementAndGet();
                        if (resp.statusCode() != 200) {
                            failed.incrementAndGet();
                            continue;
                        }
                        JsonNode answer = PenaltyRecords.JSON.readTree(resp.body());
                        accepted.addAndGet(answer.path("accepted").asLong());
                        notAccepted.addAndGet(batch - answer.path("accepted").asLong());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - t0) / 1e9;
        var h = latency.getIntervalHistogram();
        return new Result(accepted.get(), notAccepted.get(), requests.get(), failed.get(), secs,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static String body(int batch, String run, AtomicLong serial) throws Exception {
        ObjectNode root = PenaltyRecords.JSON.createObjectNode();
        ArrayNode records = root.putArray("records");
        for (int i = 0; i < batch; i++) {
            long n = serial.incrementAndGet();
            ObjectNode r = n % 2 == 0 ? PenaltyRecords.org(n) : PenaltyRecords.person(n);
            r.put("CF_WSH", "榕市监罚〔" + run + "〕" + n + "号");
            records.add(r);
        }
        return PenaltyRecords.JSON.writeValueAsString(root);
    }

}
