package org.creditgate.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.creditgate.bench.e2e.CommandLine;
import org.creditgate.bench.e2e.Chart;
import org.creditgate.bench.e2e.DeliveryTracker;
import org.creditgate.bench.e2e.KarafProcess;
import org.creditgate.bench.e2e.MemorySampler;
import org.creditgate.bench.e2e.RawArtemis;
import org.creditgate.bench.e2e.Report;
import org.creditgate.bench.e2e.Timeline;
import org.creditgate.bench.e2e.Upstreams;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;

/**
 * The end-to-end benchmark, in ONE run on one machine (bench/README.md):
 * <ol>
 * <li>boots a fresh copy of the built distribution ({@code bin/karaf server}, free ports), starts the four upstream
 *     simulators in this JVM and installs the four upstream sink connectors pointed at them;</li>
 * <li><b>ceiling</b>: raw persistent JMS send + receive through the gateway's own Artemis (same journal and disk),
 *     messages the size and shape of the gateway's canonical record;</li>
 * <li><b>end to end, flat out</b>: {@code --records} records pushed over HTTP by {@code --clients} clients in
 *     batches of {@code --batch}, until every record is held by every upstream it is routed to;</li>
 * <li><b>ingest-ack latency at a fixed rate</b> ({@code --rate} records/s for {@code --seconds}), measured from each
 *     request's intended send time (coordinated omission corrected), then delivered too;</li>
 * <li>peak heap and RSS of the gateway JVM; every record checked at every upstream: none lost, none twice.</li>
 * </ol>
 * Prints a table, writes {@code target/bench/report.json} and {@code target/bench/throughput.png}; exits 1 if any
 * record was refused, lost or duplicated.
 */
public final class GatewayBench {

    private static final String FLAT_OUT = "flat out";
    private static final String FIXED_RATE = "fixed rate";
    private static final String WARMUP = "warm-up";
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<String, String> opt;
    private final Timeline timeline = new Timeline(Instant.now());
    private final DeliveryTracker tracker = new DeliveryTracker(timeline);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final RecordValidator validator = new RecordValidator();
    private final ValidationContext validation;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong notAccepted = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final List<Chart.Phase> phases = new ArrayList<>();
    private final int subjects;
    private UpstreamRouting routing;
    private KarafProcess karaf;

    private GatewayBench(Map<String, String> opt) throws IOException {
        this.opt = opt;
        this.subjects = intOpt("subjects", 500);
        this.validation = new ValidationContext(LocalDate.now(BUSINESS_ZONE), WorkingDayCalendar.fromClasspath());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = CommandLine.options(args);
        if (opt.containsKey("help")) {
            System.out.println("java -cp 'bench/target/classes:bench/target/lib/*' org.creditgate.bench.GatewayBench "
                    + "[--records 2000] [--batch 100] [--clients 4] [--rate 200] [--rate-batch 1] [--seconds 10] "
                    + "[--warmup 300] [--raw-seconds 8] [--raw-batch 100] [--skip-raw true] [--subjects 500] "
                    + "[--heap 1g] [--drain-timeout 300] [--distribution DIR] [--out DIR]");
            return;
        }
        System.exit(new GatewayBench(opt).run());
    }

    private int run() throws Exception {
        Path target = targetDir();
        Path out = Path.of(opt.getOrDefault("out", target.resolve("bench").toString()));
        Files.createDirectories(out);
        Path distribution = Path.of(opt.getOrDefault("distribution",
                target.getParent().getParent().resolve("features/distribution/target/assembly").toString()));
        long t0 = System.nanoTime();
        Report report = new Report();
        report.meta("startedAt", timeline.start().toString()).meta("cores", Runtime.getRuntime().availableProcessors())
                .meta("options", new TreeMap<>(opt));
        int exit;
        try (NationalSimulator national = new NationalSimulator().start(0);
                ProvinceSimulator province = new ProvinceSimulator().start(0);
                CreditChinaSimulator creditchina = new CreditChinaSimulator().start(0)) {
            karaf = KarafProcess.fresh(distribution, target.resolve("runs/gateway-bench"));
            String heap = opt.getOrDefault("heap", "1g");
            log("booting the gateway (%s, heap %s) from %s", karaf.home.getFileName(), heap, distribution);
            karaf.start(heap);
            KarafProcess started = karaf;
            Thread stopOnExit = new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }, "stop-gateway");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            Duration boot = karaf.awaitHealthy(Duration.ofSeconds(240));
            log("gateway healthy after %.1f s (pid %d, http %d, amqp %d)", boot.toMillis() / 1000.0, karaf.pid(),
                    karaf.httpPort, karaf.amqpPort);
            report.meta("gatewayHeap", heap).meta("bootSeconds", boot.toMillis() / 1000.0);
            try (GsxtSimulator gsxt = new GsxtSimulator(
                    Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/out")),
                    Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/receipts")))
                    .start(0, Duration.ofMillis(200));
                    MemorySampler memory = new MemorySampler(karaf.pid(), karaf.jmxUrl(), timeline).start()) {
                connectUpstreams(national.url(), province.url(), creditchina.url());
                routing = Upstreams.routing(karaf.home.resolve("etc/org.creditgate.routing.cfg"));
                follow("province", province.store());
                follow("national", national.store());
                follow("creditchina", creditchina.store());
                follow("gsxt", gsxt.store());
                exit = measure(report, memory, creditchina, out);
            }
        } finally {
            if (karaf != null) {
                log("stopping the gateway");
                karaf.close();
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        report.meta("runMinutes", Math.round(minutes * 100) / 100.0);
        String table = report.table();
        System.out.println();
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nwhole run %.1f min; %s%n", minutes, exit == 0
                ? "every record held exactly once by every upstream it is routed to"
                : "FAILED: records refused, lost or duplicated (see the rows above)");
        Files.writeString(out.resolve("report.json"), report.json(PenaltyRecords.JSON, timelineJson()));
        Files.writeString(out.resolve("report.txt"), table);
        chart(out.resolve("throughput.png"));
        System.out.println("written: " + out.resolve("report.json") + ", " + out.resolve("throughput.png"));
        return exit;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int measure(Report report, MemorySampler memory, CreditChinaSimulator creditchina, Path out)
            throws Exception {
        // warm-up: proves the sinks are up (every upstream holds the records) and warms the JIT; not counted
        int warmup = intOpt("warmup", 300);
        Instant w0 = Instant.now();
        log("warm-up: %d records, waiting until every upstream holds them", warmup);
        flatOut(WARMUP, warmup, Math.min(50, intOpt("batch", 100)), 2);
        if (!tracker.awaitDelivered(WARMUP, Duration.ofSeconds(180), 200)) {
            throw new IllegalStateException("warm-up records not delivered within 180 s; missing per upstream: "
                    + tracker.missing() + "; see " + karaf.home.resolve("data/log/karaf.log"));
        }
        phase(WARMUP, w0, Instant.now());

        // 1. the ceiling
        String body = canonicalRecord();
        double ceiling = 0;
        List<RawArtemis.Result> raw = new ArrayList<>();
        Instant r0 = Instant.now();
        if (!Boolean.parseBoolean(opt.getOrDefault("skip-raw", "false"))) {
            RawArtemis artemis = new RawArtemis("amqp://127.0.0.1:" + karaf.amqpPort, "creditgate", "creditgate");
            double seconds = Double.parseDouble(opt.getOrDefault("raw-seconds", "8"));
            int batch = intOpt("raw-batch", 100);
            for (RawArtemis.Mode mode : RawArtemis.Mode.values()) {
                Instant p0 = Instant.now();
                log("ceiling: raw Artemis, %s, %.0f s", mode.label, seconds);
                RawArtemis.Result r = artemis.run(mode, batch, body, seconds);
                spread("raw Artemis send+receive", p0, Instant.now(), r.messages());
                raw.add(r);
                ceiling = Math.max(ceiling, r.perSecond());
                log("  %,.0f msg/s (%d messages of %d bytes)", r.perSecond(), r.messages(), r.bodyBytes());
            }
        }
        if (!raw.isEmpty()) {
            phase("raw Artemis", r0, Instant.now());
        }
        Double ceil = ceiling > 0 ? ceiling : null;
        for (RawArtemis.Result r : raw) {
            report.add("raw Artemis persistent send+receive, " + r.mode().label
                    + (r.mode() == RawArtemis.Mode.SYNC ? "" : " of " + r.batch()), r.perSecond(), "msg/s",
                    r.perSecond() / ceiling, r.bodyBytes() + "-byte canonical record, " + r.messages() + " msgs");
        }
        if (ceil == null) {
            report.notMeasured("raw Artemis ceiling", "msg/s", "skipped (--skip-raw)");
        } else {
            report.add("CEILING (best raw mode)", ceiling, "msg/s", 1.0, "the gateway's own broker, journal and disk");
        }

        // 2. end to end, flat out
        int records = intOpt("records", 2_000);
        int batch = intOpt("batch", 100);
        int clients = intOpt("clients", 4);
        log("end to end, flat out: %,d records, %d clients, batches of %d", records, clients, batch);
        Instant e0 = Instant.now();
        Histogram flatAck = flatOut(FLAT_OUT, records, batch, clients);
        Instant ingested = Instant.now();
        log("  ingest answered in %.1f s; waiting until every upstream holds every record",
                Duration.between(e0, ingested).toMillis() / 1000.0);
        boolean delivered = tracker.awaitDelivered(FLAT_OUT, Duration.ofSeconds(intOpt("drain-timeout", 300)), 200);
        DeliveryTracker.PhaseStats flat = tracker.stats(FLAT_OUT);
        phase("end to end", e0, flat.lastDelivery == null ? Instant.now() : flat.lastDelivery);
        double ingestRate = flat.registered / secondsBetween(e0, ingested);
        double e2eRate = delivered ? flat.delivered / secondsBetween(e0, flat.lastDelivery) : 0;
        int fanOut = routing.upstreams().size();
        report.add("gateway ingest, flat out (ACCEPTED)", ingestRate, "rec/s", ceil == null ? null : ingestRate / ceiling,
                flat.registered + " records, " + clients + " clients x batches of " + batch);
        if (delivered) {
            report.add("gateway end to end, flat out (held by every upstream)", e2eRate, "rec/s",
                    ceil == null ? null : e2eRate / ceiling, "ingest -> validate -> ledger -> Artemis -> " + fanOut
                            + " upstream sims; 1+" + fanOut + " persistent msgs per record");
        } else {
            report.notMeasured("gateway end to end, flat out", "rec/s", "not every record delivered within "
                    + intOpt("drain-timeout", 300) + " s; missing " + tracker.missing());
        }
        report.latency("ingest ack latency, flat out, per batch", flatAck, "HTTP request of " + batch + " records");
        report.latency("end-to-end latency, flat out", flat.e2eMicros,
                "send of the ingest request -> stored at its last upstream (queueing included)");

        // 3. ingest-ack latency at a fixed rate
        int rate = intOpt("rate", 200);
        int rateBatch = intOpt("rate-batch", 1);
        int seconds = intOpt("seconds", 10);
        log("fixed rate: %d records/s in requests of %d for %d s", rate, rateBatch, seconds);
        Instant f0 = Instant.now();
        FixedRate fixed = fixedRate(rate, rateBatch, seconds);
        boolean fixedDelivered = tracker.awaitDelivered(FIXED_RATE, Duration.ofSeconds(intOpt("drain-timeout", 300)),
                200);
        DeliveryTracker.PhaseStats fr = tracker.stats(FIXED_RATE);
        phase("fixed rate", f0, Instant.now());
        report.add("fixed-rate phase: achieved ingest rate", fixed.achieved, "rec/s", null,
                "target " + rate + " rec/s, requests of " + rateBatch + ", " + seconds + " s");
        report.latency("ingest ack latency @" + rate + " rec/s", fixed.ack,
                "from the intended send time (coordinated omission corrected)");
        if (fixedDelivered) {
            report.latency("end-to-end latency @" + rate + " rec/s", fr.e2eMicros,
                    "intended send -> stored at its last upstream");
        } else {
            report.notMeasured("end-to-end latency @" + rate + " rec/s", "ms", "not every record delivered: missing "
                    + tracker.missing());
        }

        // 4. shields under a 100k backlog: their own run (ShieldBacklogBench); its last figures, if there are any
        shieldBacklogRows(report, out);

        // 5. memory
        double peakHeap = memory.peakHeapMb();
        if (peakHeap >= 0) {
            report.add("gateway peak heap used", peakHeap, "MB", null, String.format(Locale.ROOT,
                    "sum of the heap pools' own PeakUsage since boot (upper bound: pools peak apart); -Xmx %.0f MB", memory.maxHeapMb()));
            report.add("gateway max heap used, 1 s samples", memory.maxSampledHeapMb(), "MB", null,
                    "live + garbage between GCs, as sampled");
        } else {
            report.notMeasured("gateway peak heap used", "MB", "JMX unavailable: " + memory.jmxFailure());
        }
        double rss = memory.peakRssMb();
        if (rss > 0) {
            report.add("gateway peak RSS (VmHWM)", rss, "MB", null, "resident memory peak of the Karaf JVM process");
        } else {
            report.notMeasured("gateway peak RSS", "MB", "no /proc/<pid>/status");
        }

        // 6. correctness: every record at every upstream it is routed to, exactly once
        tracker.poll();
        long lost = tracker.missing().values().stream().mapToLong(Long::longValue).sum();
        report.add("records checked (all phases)", tracker.registered(), "rec", null,
                "each at each upstream it is routed to (" + String.join(", ", routing.upstreams().keySet()) + ")");
        report.add("records refused at ingest / failed requests", notAccepted.get() + failedRequests.get(), "rec", null,
                firstFailure.get() == null ? "must be 0" : "first: " + firstFailure.get());
        report.add("deliveries lost (missing at an upstream)", lost, "rec", null,
                lost == 0 ? "must be 0" : tracker.missing().toString());
        report.add("deliveries duplicated at an upstream", tracker.duplicates(), "rec", null,
                "same recordId+version twice; must be 0");
        report.add("unexpected arrivals", tracker.unexpected(), "rec", null,
                "never pushed, other version, or an upstream not routed to; must be 0");
        report.add("personal ID numbers reaching creditchina", creditchina.privacyScan().size(), "", null,
                "privacy scan of every body received");
        boolean ok = notAccepted.get() == 0 && failedRequests.get() == 0 && lost == 0 && tracker.duplicates() == 0
                && tracker.unexpected() == 0;
        return ok ? 0 : 1;
    }

    /**
     * Shield dispatch → ack at a slow upstream behind a 100k backlog takes its own boot and ~10 minutes, so it is
     * ShieldBacklogBench; this table repeats the slow upstream's figures from its last report in the same directory.
     */
    private static void shieldBacklogRows(Report report, Path out) throws IOException {
        Path json = out.resolve("shield-backlog.json");
        String figure = "shield dispatch -> ack under a 100k backlog";
        if (!Files.exists(json)) {
            report.notMeasured(figure, "ms", "run ShieldBacklogBench (bench/README.md); its figures appear here");
            return;
        }
        JsonNode root = PenaltyRecords.JSON.readTree(json.toFile());
        for (JsonNode f : root.path("figures")) {
            String name = f.path("figure").asText();
            if (name.contains("(slow, backlog)") && !f.path("value").isNull()) {
                report.add(name.replace("shield dispatch -> ack", "ShieldBacklogBench: shield dispatch -> ack"),
                        f.path("value").asDouble(), f.path("unit").asText(), null, "from " + json.getFileName()
                                + " of " + root.path("meta").path("startedAt").asText());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Pushes {@code n} records as fast as {@code clients} clients can; returns the per-request ack latency (µs). */
    private Histogram flatOut(String phase, int n, int batch, int clients) throws Exception {
        Histogram ack = new Histogram(3_600_000_000L, 3);
        AtomicLong left = new AtomicLong(n);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (true) {
                    long take = Math.min(batch, left.getAndAdd(-batch));
                    if (take <= 0) {
                        return null;
                    }
                    List<ObjectNode> recs = new ArrayList<>();
                    for (int i = 0; i < take; i++) {
                        recs.add(record(serial.incrementAndGet()));
                    }
                    Instant sentAt = Instant.now();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(request(recs), HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - s) / 1000;
                        synchronized (ack) {
                            ack.recordValue(Math.min(micros, 3_600_000_000L));
                        }
                        answered(phase, recs, sentAt, resp);
                    } catch (Exception e) {
                        failed(e.toString());
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return ack;
    }

    private record FixedRate(Histogram ack, double achieved) {
    }

    /**
     * One request every {@code batch/rate} seconds on a fixed schedule, sent asynchronously so a slow answer never
     * delays the next send; each request's latency runs from its intended send time.
     */
    private FixedRate fixedRate(int rate, int batch, int seconds) throws Exception {
        Histogram ack = new Histogram(3_600_000_000L, 3);
        long requests = (long) seconds * rate / batch;
        double intervalNanos = 1e9 * batch / rate;
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        long t0 = System.nanoTime();
        Instant wall0 = Instant.now();
        for (long i = 0; i < requests; i++) {
            long intended = t0 + (long) (i * intervalNanos);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            List<ObjectNode> recs = new ArrayList<>();
            for (int k = 0; k < batch; k++) {
                recs.add(record(serial.incrementAndGet()));
            }
            Instant sentAt = wall0.plusNanos(intended - t0);
            inFlight.add(http.sendAsync(request(recs), HttpResponse.BodyHandlers.ofString()).whenComplete((resp, e) -> {
                long micros = (System.nanoTime() - intended) / 1000;
                synchronized (ack) {
                    ack.recordValue(Math.min(micros, 3_600_000_000L));
                }
                timeline.latency("ingest ack @ fixed rate", Instant.now(), micros);
                if (e != null) {
                    failed(e.toString());
                } else {
                    accepted.addAndGet(answered(FIXED_RATE, recs, sentAt, resp));
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new FixedRate(ack, accepted.get() / elapsed);
    }

    private HttpRequest request(List<ObjectNode> recs) throws Exception {
        ObjectNode root = PenaltyRecords.JSON.createObjectNode();
        ArrayNode arr = root.putArray("records");
        recs.forEach(arr::add);
        return HttpRequest.newBuilder(karaf.api("/records"))
                .header("Authorization", "Bearer " + opt.getOrDefault("token", "demo-token"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(PenaltyRecords.JSON.writeValueAsString(root),
                        StandardCharsets.UTF_8)).build();
    }

    /** Registers every ACCEPTED record with the tracker; returns how many were accepted. */
    private long answered(String phase, List<ObjectNode> recs, Instant sentAt, HttpResponse<String> resp) {
        if (resp.statusCode() != 200) {
            failed("HTTP " + resp.statusCode() + ": " + resp.body());
            return 0;
        }
        try {
            JsonNode answer = PenaltyRecords.JSON.readTree(resp.body());
            long ok = 0;
            for (JsonNode r : answer.path("results")) {
                int i = r.path("index").asInt();
                if ("ACCEPTED".equals(r.path("status").asText())) {
                    tracker.register(phase, r.path("recordId").asText(), r.path("version").asInt(), sentAt,
                            targets(recs.get(i)));
                    ok++;
                } else {
                    notAccepted.incrementAndGet();
                    firstFailure.compareAndSet(null, r.toString());
                }
            }
            timeline.count("ingest ACCEPTED", Instant.now(), ok);
            return ok;
        } catch (Exception e) {
            failed(e.toString());
            return 0;
        }
    }

    private void failed(String what) {
        failedRequests.incrementAndGet();
        firstFailure.compareAndSet(null, what);
    }

    /** The n-th benchmark record: a distinct 行政处罚, alternately against a company and a person of the pool. */
    private ObjectNode record(long n) {
        return PenaltyRecords.numbered(run, n, subjects);
    }

    /** The upstreams the gateway routes this record to: the model's regimes over the instance's routing table. */
    private Set<String> targets(ObjectNode record) {
        ValidationOutcome o = validator.validate(record, validation);
        if (!o.valid()) {
            throw new IllegalStateException("benchmark record is invalid: " + o.errors());
        }
        return routing.targets(o.record());
    }

    /** The canonical JSON the gateway sends to its broker for a benchmark record (the ceiling's message body). */
    private String canonicalRecord() {
        ValidationOutcome o = validator.validate(record(0), validation);
        return CanonicalJson.write(o.record());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void connectUpstreams(String nationalUrl, String provinceUrl, String creditchinaUrl) throws Exception {
        log("installing the four upstream sink connectors");
        Upstreams.connect(karaf, nationalUrl, provinceUrl, creditchinaUrl,
                Boolean.parseBoolean(opt.getOrDefault("always-on-schedules", "true")), null);
    }

    /** Feeds an upstream simulator's store to the tracker: every poll takes the items stored since the last one. */
    private void follow(String upstream, UpstreamStore store) {
        Upstreams.follow(tracker, upstream, store);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void phase(String name, Instant from, Instant to) {
        phases.add(new Chart.Phase(name, timeline.second(from), Math.max(timeline.second(from) + 1,
                timeline.second(to))));
    }

    /** Spreads a count evenly over the seconds of an interval (the raw phases count only in total). */
    private void spread(String series, Instant from, Instant to, long n) {
        int s0 = timeline.second(from);
        int s1 = Math.max(s0 + 1, timeline.second(to));
        for (int s = s0; s < s1; s++) {
            timeline.count(series, timeline.start().plusSeconds(s), n / (s1 - s0));
        }
    }

    private void chart(Path png) {
        try {
            Map<String, TreeMap<Integer, Double>> tput = Chart.asDoubles(timeline.counts());
            Map<String, TreeMap<Integer, Double>> lat = new LinkedHashMap<>();
            timeline.percentile(50).forEach((k, v) -> lat.put(k + " p50", v));
            timeline.percentile(99).forEach((k, v) -> lat.put(k + " p99", v));
            Chart.write(png, "CreditGate benchmark " + timeline.start(), timeline.lastSecond() + 1, phases, tput, lat,
                    timeline.gauges());
        } catch (Exception e) {
            System.err.println("chart not written: " + e);
        }
    }

    private ObjectNode timelineJson() {
        ObjectNode root = PenaltyRecords.JSON.createObjectNode();
        ObjectNode t = root.putObject("timeline");
        t.put("bucketSeconds", 1);
        t.set("phases", PenaltyRecords.JSON.valueToTree(phases));
        t.set("counts", PenaltyRecords.JSON.valueToTree(timeline.counts()));
        t.set("latencyP50Ms", PenaltyRecords.JSON.valueToTree(timeline.percentile(50)));
        t.set("latencyP99Ms", PenaltyRecords.JSON.valueToTree(timeline.percentile(99)));
        t.set("memoryMb", PenaltyRecords.JSON.valueToTree(timeline.gauges()));
        ObjectNode per = root.putObject("perUpstreamLatencyMs");
        for (String phase : List.of(FLAT_OUT, FIXED_RATE)) {
            ObjectNode p = per.putObject(phase);
            tracker.stats(phase).perUpstreamMicros.forEach((u, h) -> p.putObject(u)
                    .put("p50", Report.ms(h, 50)).put("p99", Report.ms(h, 99)).put("p999", Report.ms(h, 99.9))
                    .put("count", h.getTotalCount()));
        }
        return root;
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Math.max(1e-3, Duration.between(a, b).toNanos() / 1e9);
    }

    private int intOpt(String name, int def) {
        return Integer.parseInt(opt.getOrDefault(name, Integer.toString(def)));
    }

    private void log(String fmt, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", Duration.between(timeline.start(), Instant.now()).toMillis()
                / 1000.0, String.format(Locale.ROOT, fmt, args));
    }

    /** bench/target, found from where this class was loaded (target/classes or a jar in target/). */
    private static Path targetDir() throws Exception {
        Path here = Path.of(GatewayBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return here.getParent();
    }

}
