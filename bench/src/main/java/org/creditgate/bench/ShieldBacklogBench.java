package org.creditgate.bench;

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
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.creditgate.bench.e2e.BrokerQueues;
import org.creditgate.bench.e2e.CommandLine;
import org.creditgate.bench.e2e.KarafProcess;
import org.creditgate.bench.e2e.Report;
import org.creditgate.bench.e2e.Upstreams;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.UpstreamStore;

/**
 * Shields under a backlog (bench/README.md, "ShieldBacklogBench"): a shield must reach a slow upstream ahead of the
 * ordinary records queued for it (domain.md §5.2: the real-time lane does not wait behind a backlog).
 * <ol>
 * <li>boots the distribution with the four upstream simulators; {@code --shields} (200) 行政处罚 are delivered to
 *     every upstream they are routed to — the records that will be shielded;</li>
 * <li>the {@code --slow} upstream (national) answers every call {@code --latency-ms} (200) late, and
 *     {@code --backlog} (100,000) further 行政处罚 are ingested over HTTP (the real path: ledger, accepted queue,
 *     fan-out, one QUEUED delivery and one message on the upstream's queue each). Meanwhile PENALTY is routed to the
 *     slow upstream only, so the other three do not spend the two cores on copies nobody measures;</li>
 * <li>once the fan-out has drained (every backlog record is on the slow upstream's queue), one shield per held
 *     record is issued through the operator API at {@code --shield-rate} (2) per second;</li>
 * <li>per shield and platform, queued → dispatched → acknowledged from the proof document (GET /shields/{id}), and
 *     how many backlog records the slow upstream received between the shield's issue and its arrival there, and
 *     how many were still queued for it when the shield arrived.</li>
 * </ol>
 * Exit 1 if a shield is not acknowledged by every holder within {@code --ack-timeout} (300 s), or if the slow
 * upstream's backlog was drained before a shield reached it (then the shield did not go ahead of it).
 */
public final class ShieldBacklogBench {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("karaf:karaf"
            .getBytes(StandardCharsets.UTF_8));

    private final Map<String, String> opt;
    private final Instant start = Instant.now();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final RecordValidator validator = new RecordValidator();
    private final ValidationContext validation = new ValidationContext(LocalDate.now(BUSINESS_ZONE),
            WorkingDayCalendar.fromClasspath());
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong serial = new AtomicLong();
    private KarafProcess karaf;

    private ShieldBacklogBench(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = CommandLine.options(args);
        if (opt.containsKey("help")) {
            System.out.println("java -cp 'bench/target/classes:bench/target/lib/*' org.creditgate.bench.ShieldBacklogBench "
                    + "[--backlog 100000] [--shields 200] [--shield-rate 2] [--slow national] [--latency-ms 200] "
                    + "[--batch 500] [--clients 4] [--subjects 500] [--heap 1g] [--ack-timeout 300] "
                    + "[--distribution DIR] [--out DIR]");
            return;
        }
        System.exit(new ShieldBacklogBench(opt).run());
    }

    private int run() throws Exception {
        Path target = Path.of(ShieldBacklogBench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path out = Path.of(opt.getOrDefault("out", target.resolve("bench").toString()));
        Files.createDirectories(out);
        Path distribution = Path.of(opt.getOrDefault("distribution",
                target.getParent().getParent().resolve("features/distribution/target/assembly").toString()));
        Report report = new Report();
        report.meta("startedAt", start.toString()).meta("cores", Runtime.getRuntime().availableProcessors())
                .meta("options", new TreeMap<>(opt));
        ObjectNode extra = PenaltyRecords.JSON.createObjectNode();
        int exit;
        try (Upstreams upstreams = Upstreams.start()) {
            karaf = KarafProcess.fresh(distribution, target.resolve("runs/shield-backlog"));
            String heap = opt.getOrDefault("heap", "1g");
            log("booting the gateway (heap %s) from %s", heap, distribution);
            karaf.start(heap);
            KarafProcess started = karaf;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }, "stop-gateway"));
            Duration boot = karaf.awaitHealthy(Duration.ofSeconds(240));
            log("gateway healthy after %.1f s", boot.toMillis() / 1000.0);
            upstreams.connect(karaf, true, Duration.ofSeconds(1));
            exit = measure(upstreams, report, extra);
        } finally {
            if (karaf != null) {
                log("stopping the gateway");
                karaf.close();
            }
        }
        double minutes = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
        report.meta("runMinutes", Math.round(minutes * 100) / 100.0);
        String table = report.table();
        System.out.println();
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nwhole run %.1f min; %s%n", minutes, exit == 0
                ? "every shield acknowledged by every holder, each ahead of the slow upstream's backlog"
                : "FAILED (see the rows above)");
        Files.writeString(out.resolve("shield-backlog.json"), report.json(PenaltyRecords.JSON, extra));
        Files.writeString(out.resolve("shield-backlog.txt"), table);
        System.out.println("written: " + out.resolve("shield-backlog.json"));
        return exit;
    }

    private int measure(Upstreams upstreams, Report report, ObjectNode extra) throws Exception {
        String slow = opt.getOrDefault("slow", "national");
        int shields = intOpt("shields", 200);
        int backlog = intOpt("backlog", 100_000);
        UpstreamRouting routing = Upstreams.routing(karaf.home.resolve("etc/org.creditgate.routing.cfg"));
        Map<String, UpstreamStore> stores = upstreams.stores();

        // 1. the records to be shielded, held by every upstream they are routed to
        log("held records: %d, waiting until every upstream they are routed to holds them", shields);
        Map<String, Set<String>> held = ingest(shields, Math.min(shields, 100), 2, routing);
        await("held records delivered", Duration.ofSeconds(300), () -> held.entrySet().stream().allMatch(e ->
                e.getValue().stream().allMatch(u -> stores.get(u).holds(e.getKey(), 1))));

        // 2. the slow upstream and its backlog
        upstreams.misbehaviours().get(slow).latency(Duration.ofMillis(intOpt("latency-ms", 200)));
        routePenaltiesOnlyTo(slow);
        int slowBefore = stores.get(slow).data().size();
        log("backlog: %,d records for %s (%d ms per call)", backlog, slow, intOpt("latency-ms", 200));
        Instant b0 = Instant.now();
        Set<String> backlogIds = ingest(backlog, intOpt("batch", 500), intOpt("clients", 4), null).keySet();
        double ingestSeconds = Duration.between(b0, Instant.now()).toMillis() / 1000.0;
        log("  ingested in %.0f s (%,.0f rec/s); waiting for the fan-out to queue them all", ingestSeconds,
                backlog / ingestSeconds);
        long queued;
        try (BrokerQueues broker = BrokerQueues.connect(karaf.jmxUrl())) {
            String accepted = "creditgate.records.accepted";
            String lane = "creditgate.upstream." + slow;
            await("fan-out drained", Duration.ofSeconds(900), () -> broker.messageCount(accepted) == 0);
            queued = broker.messageCount(lane);
            long deliveredSoFar = stores.get(slow).data().size() - slowBefore;
            log("  queued for %s: %,d messages on %s (%,d backlog records already delivered)", slow, queued, lane,
                    deliveredSoFar);
            report.add("backlog ingested (ACCEPTED)", backlog, "rec", null, String.format(Locale.ROOT,
                    "%.0f s over HTTP, %,.0f rec/s", ingestSeconds, backlog / ingestSeconds));
            report.add("backlog queued for " + slow + " when the shields started", queued, "msg", null,
                    lane + " message count (Artemis JMX); " + deliveredSoFar + " already delivered");

            // 3. the shields, at a fixed rate
            double rate = Double.parseDouble(opt.getOrDefault("shield-rate", "2"));
            log("shields: %d at %.1f/s through POST /api/v1/shields", shields, rate);
            Map<String, String> shieldOf = new LinkedHashMap<>();
            Map<String, Instant> issuedAt = new LinkedHashMap<>();
            long every = (long) (1e9 / rate);
            long t0 = System.nanoTime();
            int n = 0;
            for (String recordId : held.keySet()) {
                long due = t0 + n * every;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the load, not waiting for it
                }
                String shieldId = "SB-" + run + "-" + n++;
                issuedAt.put(shieldId, Instant.now());
                issue(shieldId, recordId);
                shieldOf.put(shieldId, recordId);
            }
            Map<String, JsonNode> proofs = new ConcurrentHashMap<>();
            boolean complete = awaitQuietly(Duration.ofSeconds(intOpt("ack-timeout", 300)), () -> {
                for (String shieldId : shieldOf.keySet()) {
                    if (!proofs.containsKey(shieldId)) {
                        JsonNode proof = proof(shieldId);
                        if (proof.path("complete").asBoolean()) {
                            proofs.put(shieldId, proof);
                        }
                    }
                }
                return proofs.size() == shieldOf.size();
            });
            long queuedAtEnd = broker.messageCount(lane);
            return results(report, extra, slow, shieldOf, issuedAt, proofs, held, backlogIds,
                    stores.get(slow), complete, queuedAtEnd);
        }
    }

    /** Per shield and platform: latencies from the proof, the slow upstream's arrivals around the shield. */
    private int results(Report report, ObjectNode extra, String slow, Map<String, String> shieldOf,
            Map<String, Instant> issuedAt, Map<String, JsonNode> proofs, Map<String, Set<String>> held,
            Set<String> backlogIds, UpstreamStore slowStore, boolean complete, long queuedAtEnd) {
        Map<String, Histogram> dispatchToAck = new TreeMap<>();
        Map<String, Histogram> issueToAck = new TreeMap<>();
        Histogram overtaken = new Histogram(10_000_000L, 3);
        long minStillQueued = Long.MAX_VALUE;
        boolean ahead = true;
        List<StoredItem> data = slowStore.data();
        Map<String, Instant> shieldArrival = new LinkedHashMap<>();
        for (StoredItem s : slowStore.shields()) {
            shieldArrival.putIfAbsent(s.recordId(), s.receivedAt());
        }
        ArrayNode perShield = extra.putArray("shields");
        int incomplete = 0;
        for (Map.Entry<String, String> e : shieldOf.entrySet()) {
            JsonNode proof = proofs.get(e.getKey());
            if (proof == null) {
                incomplete++;
                continue;
            }
            Instant issued = issuedAt.get(e.getKey());
            for (JsonNode p : proof.path("platforms")) {
                String upstream = p.path("upstream").asText();
                Instant dispatched = Instant.parse(p.path("dispatchedAt").asText());
                Instant acked = Instant.parse(p.path("ackedAt").asText());
                dispatchToAck.computeIfAbsent(upstream, u -> new Histogram(3_600_000_000L, 3))
                        .recordValue(Math.max(0, Duration.between(dispatched, acked).toNanos() / 1000));
                issueToAck.computeIfAbsent(upstream, u -> new Histogram(3_600_000_000L, 3))
                        .recordValue(Math.max(0, Duration.between(issued, acked).toNanos() / 1000));
            }
            Instant arrived = shieldArrival.get(e.getValue());
            ObjectNode o = perShield.addObject().put("shieldId", e.getKey()).put("targetRecordId", e.getValue())
                    .put("issuedAt", issued.toString());
            o.set("platforms", proof.path("platforms"));
            if (arrived != null) {
                long before = 0;
                long deliveredUntilArrival = 0;
                for (StoredItem d : data) {
                    if (backlogIds.contains(d.recordId()) && !d.receivedAt().isAfter(arrived)) {
                        deliveredUntilArrival++;
                        if (!d.receivedAt().isBefore(issued)) {
                            before++;
                        }
                    }
                }
                long stillQueued = backlogIds.size() - deliveredUntilArrival;
                minStillQueued = Math.min(minStillQueued, stillQueued);
                ahead &= stillQueued > 0;
                overtaken.recordValue(before);
                o.put(slow + "ArrivedAt", arrived.toString()).put("backlogDeliveredToSlowBetweenIssueAndArrival",
                        before).put("backlogStillQueuedForSlowAtArrival", stillQueued);
            } else {
                ahead = false;
            }
        }
        for (Map.Entry<String, Histogram> h : dispatchToAck.entrySet()) {
            report.latency("shield dispatch -> ack, " + h.getKey() + (h.getKey().equals(slow) ? " (slow, backlog)"
                    : ""), h.getValue(), h.getValue().getTotalCount() + " shields; proof document dispatchedAt -> ackedAt");
        }
        for (Map.Entry<String, Histogram> h : issueToAck.entrySet()) {
            report.latency("shield issue -> ack, " + h.getKey(), h.getValue(),
                    "operator POST sent -> ackedAt (ingest, fan-out, real-time lane, upstream call, receipt)");
        }
        report.add("backlog records delivered to " + slow + " between a shield's issue and its arrival, p50",
                overtaken.getValueAtPercentile(50), "rec", null, "in flight on the ordinary lane; max "
                        + overtaken.getMaxValue());
        report.add("backlog still queued for " + slow + " when a shield arrived, min", minStillQueued == Long.MAX_VALUE
                ? 0 : minStillQueued, "rec", null, "> 0 for every shield = every shield went ahead of the backlog");
        report.add("backlog still queued for " + slow + " at the end", queuedAtEnd, "msg", null, "Artemis JMX");
        report.add("shields not acknowledged by every holder", incomplete, "", null, "must be 0");
        boolean ok = complete && incomplete == 0 && ahead;
        return ok ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Ingests {@code n} new records; returns recordId → the upstreams they are routed to (routing null: none). */
    private Map<String, Set<String>> ingest(int n, int batch, int clients, UpstreamRouting routing) throws Exception {
        Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
        AtomicLong left = new AtomicLong(n);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
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
                            recs.add(PenaltyRecords.numbered(run, serial.getAndIncrement(), intOpt("subjects", 500)));
                        }
                        ObjectNode root = PenaltyRecords.JSON.createObjectNode();
                        ArrayNode arr = root.putArray("records");
                        recs.forEach(arr::add);
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(karaf.api("/records"))
                                .header("Authorization", "Bearer demo-token")
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofString(PenaltyRecords.JSON.writeValueAsString(root),
                                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("ingest: HTTP " + r.statusCode() + ": " + r.body());
                        }
                        for (JsonNode res : PenaltyRecords.JSON.readTree(r.body()).path("results")) {
                            if (!"ACCEPTED".equals(res.path("status").asText())) {
                                throw new IllegalStateException("ingest: not accepted: " + res);
                            }
                            accepted.put(res.path("recordId").asText(), routing == null ? Set.of()
                                    : targets(routing, recs.get(res.path("index").asInt())));
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted;
    }

    private Set<String> targets(UpstreamRouting routing, ObjectNode record) {
        ValidationOutcome o = validator.validate(record, validation);
        if (!o.valid()) {
            throw new IllegalStateException("benchmark record is invalid: " + o.errors());
        }
        return new HashSet<>(routing.targets(o.record()));
    }

    /**
     * For the backlog phase, PENALTY is routed to the slow upstream only (SHIELD stays routed to every upstream, so
     * the shields still go to every holder). Applied by the gateway at once; a few early backlog records may still
     * reach the others, which costs CPU, not correctness.
     */
    private void routePenaltiesOnlyTo(String slow) throws Exception {
        Path cfg = karaf.home.resolve("etc/org.creditgate.routing.cfg");
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.matches("^[a-z0-9]+\\.datasets\\s*=.*") && !line.startsWith(slow + ".")) {
                line = line.replaceAll("\\bPENALTY,\\s*", "");
            }
            text.append(line).append('\n');
        }
        karaf.writeEtc("org.creditgate.routing.cfg", text.toString());
        // reloaded live by ConfigAdmin: the health page describes the table in force ("<id> <regime> [datasets] …")
        await("routing table reloaded", Duration.ofSeconds(60), () -> {
            for (JsonNode c : PenaltyRecords.JSON.readTree(karaf.get("/health").body()).findParents("detail")) {
                if (c.toString().contains("\"routing\"")) {
                    for (String u : c.path("detail").asText().split("; ")) {
                        if (!u.startsWith(slow + " ") && u.contains("PENALTY")) {
                            return false;
                        }
                    }
                    return true;
                }
            }
            return false;
        });
    }

    private void issue(String shieldId, String recordId) throws Exception {
        ObjectNode body = PenaltyRecords.JSON.createObjectNode().put("shieldId", shieldId)
                .put("targetRecordId", recordId).put("cause", "REPAIR").put("decisionRef", "榕信修〔bench〕" + shieldId);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(karaf.api("/shields"))
                .header("Authorization", OPERATOR).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.toString(),
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("ACCEPTED")) {
            throw new IllegalStateException("shield " + shieldId + ": HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private JsonNode proof(String shieldId) throws Exception {
        HttpResponse<String> r = karaf.operatorGet("/shields/" + shieldId);
        return r.statusCode() == 200 ? PenaltyRecords.JSON.readTree(r.body()) : PenaltyRecords.JSON.createObjectNode();
    }

    interface Condition {
        boolean met() throws Exception;
    }

    private void await(String what, Duration atMost, Condition c) throws Exception {
        if (!awaitQuietly(atMost, c)) {
            throw new IllegalStateException(what + ": not within " + atMost.toSeconds() + " s; see "
                    + karaf.home.resolve("data/log/karaf.log"));
        }
    }

    /** Polls every 500 ms (the harness's own pacing; nothing is asserted on timing). */
    private static boolean awaitQuietly(Duration atMost, Condition c) throws Exception {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (c.met()) {
                return true;
            }
            Thread.sleep(500);
        }
        return c.met();
    }

    private int intOpt(String name, int def) {
        return Integer.parseInt(opt.getOrDefault(name, Integer.toString(def)));
    }

    private void log(String fmt, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0,
                String.format(Locale.ROOT, fmt, args));
    }
}
