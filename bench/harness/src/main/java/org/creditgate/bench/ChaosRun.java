package org.creditgate.bench;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.bench.e2e.CommandLine;
import org.creditgate.bench.e2e.DeliveryTracker;
import org.creditgate.bench.e2e.KarafProcess;
import org.creditgate.bench.e2e.Timeline;
import org.creditgate.bench.e2e.Upstreams;
import org.creditgate.connector.tax.sim.TaxSimulator;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.UpstreamStore;

/**
 * The chaos run (bench/README.md): continuous load from two department connectors — the market regulator's REST push
 * ({@code rest-scjgj}) and the tax bureau's file drops ({@code file-swj}) — to all four upstream simulators while the
 * Karaf JVM is repeatedly killed with SIGKILL and restarted on the same home and ports, one upstream at a time is
 * taken down and up, and asynchronous receipts are slowed down. Then load stops, misbehaviour is lifted, and once the
 * gateway is quiet every record the departments were answered ACCEPTED or ALREADY_ACCEPTED is checked at every
 * upstream it is routed to (simulator stores, by recordId+version: none lost, none twice) and in the ledger (each
 * delivery ACCEPTED). Prints the counts; {@link #main} exits 1 on any loss, duplicate or other failure.
 * <p>
 * A request that got no answer (connection refused during a restart, or in flight at the kill) is sent again, the same
 * records, until it is answered — ingest is idempotent — so the accepted set is known exactly. A dropped file is
 * answered by its result file in {@code done/}.
 */
public final class ChaosRun {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String REST = "scjgj (REST push)";
    private static final String FILES = "swj (file drop)";
    private static final String REST_TOKEN = "scjgj-demo-token";
    private static final String FILE_TOKEN = "swj-demo-token";

    /** Counts of one upstream at the end. */
    public record UpstreamCounts(long routed, long held, long lost, long duplicated, long ledgerNotAccepted) {
    }

    /** What the run found. {@link #passed()} is true when {@link #problems()} is empty. */
    public record Result(int kills, int outages, int slowReceiptWindows, Map<String, Long> accepted,
            Map<String, UpstreamCounts> upstreams, List<Duration> boots, double minutes, List<String> problems,
            String shields) {

        public boolean passed() {
            return problems.isEmpty();
        }

        public long lost() {
            return upstreams.values().stream().mapToLong(UpstreamCounts::lost).sum();
        }

        public long duplicated() {
            return upstreams.values().stream().mapToLong(UpstreamCounts::duplicated).sum();
        }

        public long acceptedTotal() {
            return accepted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, String> opt;
    private final PrintStream out;
    private final Instant t0 = Instant.now();
    private final Random chaosRandom;
    private final Random misbehaviourRandom;
    private final Timeline timeline = new Timeline(Instant.now());
    private final DeliveryTracker tracker = new DeliveryTracker(timeline);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final RecordValidator validator = new RecordValidator();
    private final ValidationContext validation;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong restAccepted = new AtomicLong();
    private final AtomicLong restAlready = new AtomicLong();
    private final AtomicLong restUnanswered = new AtomicLong();
    private final Set<String> fileRecords = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> fileVersions = new ConcurrentHashMap<>();
    private final AtomicLong fileAlready = new AtomicLong();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unresolved = new ConcurrentLinkedQueue<>();
    private final Set<String> droppedFiles = ConcurrentHashMap.newKeySet();
    private final Set<String> answeredFiles = ConcurrentHashMap.newKeySet();
    private final Set<Path> readResults = ConcurrentHashMap.newKeySet();
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> boots = Collections.synchronizedList(new ArrayList<>());
    /** shieldId → target recordId of every shield the gateway answered (ACCEPTED or ALREADY_ACCEPTED). */
    private final Map<String, String> shieldsSent = new ConcurrentHashMap<>();
    private final AtomicLong shieldUnanswered = new AtomicLong();
    private volatile boolean loadStopped;
    private volatile boolean chaosStopped;
    private volatile boolean finished;
    private int kills;
    private int outages;
    private int slowWindows;
    private UpstreamRouting routing;
    private KarafProcess karaf;
    private Upstreams upstreams;

    private ChaosRun(Map<String, String> opt, PrintStream out) {
        this.opt = opt;
        this.out = out;
        long seed = Long.parseLong(opt.getOrDefault("seed", "7"));
        this.chaosRandom = new Random(seed);
        this.misbehaviourRandom = new Random(seed * 31 + 1);
        this.validation = new ValidationContext(LocalDate.now(BUSINESS_ZONE), WorkingDayCalendar.fromClasspath());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = CommandLine.options(args);
        if (opt.containsKey("help")) {
            System.out.println("java -cp 'bench/target/classes:bench/target/lib/*' org.creditgate.bench.ChaosRun "
                    + "[--seconds 300] [--min-kills 10] [--seed 7] [--up-min 2] [--up-max 8] "
                    + "[--outage-every 30] [--outage-seconds 10] [--slow-receipt-ms 4000] [--slow-seconds 15] "
                    + "[--rest-batch 10] [--rest-every-ms 1000] [--subjects 200] [--file-rows 20] "
                    + "[--file-every-ms 6000] [--shield-every-ms 5000] [--shield-timeout 180] [--heap 768m] [--drain-timeout 300] [--boot-timeout 240] "
                    + "[--distribution DIR] [--home DIR]");
            return;
        }
        Result r = run(opt, System.out);
        System.exit(r.passed() ? 0 : 1);
    }

    /** Runs the whole chaos run with these options (see {@link #main}) and prints its progress and counts. */
    public static Result run(Map<String, String> opt, PrintStream out) throws Exception {
        return new ChaosRun(opt, out).execute();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Result execute() throws Exception {
        Path distribution = opt.containsKey("distribution") ? Path.of(opt.get("distribution"))
                : defaultDistribution();
        Path home = opt.containsKey("home") ? Path.of(opt.get("home"))
                : distribution.getParent().getParent().getParent().getParent().resolve("bench/target/runs/chaos");
        Map<String, UpstreamCounts> counts = new LinkedHashMap<>();
        String shields;
        Thread stopOnExit = null;
        try (Upstreams ups = Upstreams.start()) {
            upstreams = ups;
            karaf = KarafProcess.fresh(distribution, home);
            String heap = opt.getOrDefault("heap", "768m");
            log("booting the gateway (heap %s) in %s", heap, home);
            karaf.start(heap);
            KarafProcess started = karaf;
            stopOnExit = new Thread(() -> {
                try {
                    if (started.isAlive()) {
                        started.kill9();
                    }
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }, "kill-gateway");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            Duration boot = karaf.awaitHealthy(bootTimeout());
            log("gateway healthy after %.1f s (pid %d, http %d)", boot.toMillis() / 1000.0, karaf.pid(), karaf.httpPort);
            upstreams.connect(karaf, true, Duration.ofSeconds(1));
            routing = Upstreams.routing(karaf.home.resolve("etc/org.creditgate.routing.cfg"));
            upstreams.follow(tracker);
            boolean files = intOpt("file-every-ms", 6000) > 0;
            if (files) {
                installTaxConnector();
            }
            awaitRestConnector();
            log("sinks and connectors installed; load and chaos for %d s (at least %d kill -9)", intOpt("seconds", 300),
                    intOpt("min-kills", 10));

            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "chaos-load");
                t.setDaemon(true); // an aborted run must not be kept alive by its load
                return t;
            });
            Future<?> rest = pool.submit(this::restLoad);
            Future<?> drops = files ? pool.submit(this::fileLoad) : null;
            Future<?> shieldLoad = intOpt("shield-every-ms", 5000) > 0 ? pool.submit(this::shieldLoad) : null;
            Future<?> collector = pool.submit(this::collect);
            Future<?> misbehaviour = pool.submit(this::misbehave);
            chaos();
            chaosStopped = true;
            misbehaviour.get();
            upstreams.misbehaviours().values().forEach(Misbehaviour::reset);
            log("chaos over after %d kill -9 restarts, %d outages, %d slow-receipt windows; misbehaviour lifted, load "
                    + "stopped; draining", kills, outages, slowWindows);
            loadStopped = true;
            quiesce(rest, drops);
            if (shieldLoad != null) {
                shieldLoad.get();
            }
            finished = true;
            collector.get();
            pool.shutdown();
            counts = check();
            shields = checkShields();
        } finally {
            if (karaf != null && karaf.isAlive()) {
                log("stopping the gateway");
                karaf.close();
            }
            if (stopOnExit != null) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
        double minutes = Duration.between(t0, Instant.now()).toMillis() / 60_000.0;
        Map<String, Long> accepted = new LinkedHashMap<>();
        accepted.put(REST, restAccepted.get());
        accepted.put(FILES, (long) fileRecords.size());
        Result result = new Result(kills, outages, slowWindows, accepted, counts, List.copyOf(boots), minutes,
                List.copyOf(problems), shields);
        print(result);
        return result;
    }

    private void installTaxConnector() throws Exception {
        karaf.installFeatures(List.of("creditgate-connector-tax"));
        Path cfg = karaf.home.resolve("etc/org.creditgate.connector.file-swj.cfg");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(cfg)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the tax connector's configuration did not appear: " + cfg);
            }
            Thread.sleep(200);
        }
        karaf.writeEtc(cfg.getFileName().toString(), Files.readString(cfg, StandardCharsets.UTF_8)
                + "\npollInterval = 1s\n");
    }

    /**
     * The market regulator's connector must be RUNNING before load starts. A known first-boot race (see
     * bench/README.md, "Findings") can leave its etc/ file stripped of every key by Felix FileInstall's write-back;
     * the run then says so and puts the shipped file back rather than measure nothing.
     */
    private void awaitRestConnector() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean repaired = false;
        while (true) {
            HttpResponse<String> r = karaf.operatorGet("/connectors/rest-scjgj");
            if (r.statusCode() == 200 && r.body().contains("\"RUNNING\"")) {
                return;
            }
            Path cfg = karaf.home.resolve("etc/org.creditgate.connector.rest-scjgj.cfg");
            if (!repaired && System.nanoTime() > end - Duration.ofSeconds(20).toNanos() && Files.exists(cfg)
                    && !Files.readString(cfg, StandardCharsets.UTF_8).contains("department")) {
                findings.add("etc/org.creditgate.connector.rest-scjgj.cfg lost all its keys during the first boot "
                        + "(FileInstall write-back race); the connector was FAILED. Restored from system/.");
                log("FINDING: %s", findings.get(findings.size() - 1));
                Path shipped;
                try (Stream<Path> s = Files.walk(karaf.home.resolve("system/org/creditgate/creditgate-connector-samr"))) {
                    shipped = s.filter(p -> p.getFileName().toString().endsWith("-scjgj.cfg")).findFirst()
                            .orElseThrow();
                }
                karaf.writeEtc(cfg.getFileName().toString(), Files.readString(shipped, StandardCharsets.UTF_8));
                repaired = true;
                end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("connector rest-scjgj not RUNNING: " + r.body());
            }
            Thread.sleep(500);
        }
    }

    // --- chaos ------------------------------------------------------------------------------------------------------

    /** kill -9 and restart on a seeded schedule until the time is up and at least --min-kills kills were done. */
    private void chaos() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(intOpt("seconds", 300)).toNanos();
        int minKills = intOpt("min-kills", 10);
        double upMin = Double.parseDouble(opt.getOrDefault("up-min", "2"));
        double upMax = Double.parseDouble(opt.getOrDefault("up-max", "8"));
        while (System.nanoTime() < end || kills < minKills) {
            long up = (long) ((upMin + chaosRandom.nextDouble() * (upMax - upMin)) * 1000);
            Thread.sleep(up);
            if (System.nanoTime() >= end && kills >= minKills) {
                break;
            }
            long pid = karaf.pid();
            karaf.kill9();
            kills++;
            log("kill -9 #%d (pid %d, up %.1f s since healthy); restarting", kills, pid, up / 1000.0);
            karaf.restart();
            Duration boot = karaf.awaitHealthy(bootTimeout());
            boots.add(boot);
            log("  healthy again after %.1f s (pid %d)", boot.toMillis() / 1000.0, karaf.pid());
        }
    }

    /** One upstream down for a while, then slow asynchronous receipts for a while, alternately, until chaos ends. */
    private Void misbehave() throws Exception {
        long every = intOpt("outage-every", 30) * 1000L;
        Duration outage = Duration.ofSeconds(intOpt("outage-seconds", 10));
        Duration slow = Duration.ofMillis(intOpt("slow-receipt-ms", 4000));
        long slowFor = intOpt("slow-seconds", 15) * 1000L;
        List<String> ids = new ArrayList<>(upstreams.misbehaviours().keySet());
        boolean outageTurn = true;
        long next = System.currentTimeMillis() + every / 2;
        while (!chaosStopped) {
            if (System.currentTimeMillis() < next) {
                Thread.sleep(200);
                continue;
            }
            if (outageTurn) {
                String u = ids.get(misbehaviourRandom.nextInt(ids.size()));
                upstreams.misbehaviours().get(u).outageFor(outage);
                outages++;
                log("upstream %s down for %d s", u, outage.toSeconds());
            } else {
                upstreams.province.misbehaviour().receiptDelay(slow);
                upstreams.gsxt.misbehaviour().receiptDelay(slow);
                slowWindows++;
                log("slow receipts (province, gsxt): %d ms for %d s", slow.toMillis(), slowFor / 1000);
                long until = System.currentTimeMillis() + slowFor;
                while (!chaosStopped && System.currentTimeMillis() < until) {
                    Thread.sleep(200);
                }
                upstreams.province.misbehaviour().receiptDelay(Duration.ZERO);
                upstreams.gsxt.misbehaviour().receiptDelay(Duration.ZERO);
            }
            outageTurn = !outageTurn;
            next = Math.max(next + every / 2, System.currentTimeMillis() + 1000);
        }
        return null;
    }

    // --- load -------------------------------------------------------------------------------------------------------

    /**
     * The market regulator's case system: a new batch every --rest-every-ms; batches not answered (gateway down,
     * connection reset by the kill, 503 while it boots) are sent again, oldest first, until answered.
     */
    private Void restLoad() throws Exception {
        int batch = intOpt("rest-batch", 10);
        long every = intOpt("rest-every-ms", 1000);
        int subjects = intOpt("subjects", 200);
        Deque<List<ObjectNode>> pending = new ArrayDeque<>();
        long serial = 0;
        long nextBatch = System.currentTimeMillis();
        long drainEnd = Long.MAX_VALUE;
        while (!(loadStopped && pending.isEmpty())) {
            if (loadStopped && drainEnd == Long.MAX_VALUE) {
                drainEnd = System.currentTimeMillis() + intOpt("drain-timeout", 300) * 1000L;
            }
            if (System.currentTimeMillis() > drainEnd) {
                problems.add(pending.size() + " REST batches never answered within --drain-timeout");
                return null;
            }
            if (!loadStopped && System.currentTimeMillis() >= nextBatch) {
                List<ObjectNode> recs = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    recs.add(PenaltyRecords.numbered(run, ++serial, subjects));
                }
                pending.add(recs);
                nextBatch += every;
            }
            List<ObjectNode> oldest = pending.peek();
            if (oldest == null) {
                Thread.sleep(Math.max(1, Math.min(200, nextBatch - System.currentTimeMillis())));
            } else if (pushed(oldest)) {
                pending.poll();
            } else {
                restUnanswered.incrementAndGet();
                Thread.sleep(500);
            }
        }
        return null;
    }

    /** Sends one batch; true when it was answered (every record's outcome known), false to send it again later. */
    private boolean pushed(List<ObjectNode> recs) throws InterruptedException {
        HttpResponse<String> resp;
        Instant sentAt = Instant.now();
        try {
            ObjectNode root = PenaltyRecords.JSON.createObjectNode();
            ArrayNode arr = root.putArray("records");
            recs.forEach(arr::add);
            resp = http.send(HttpRequest.newBuilder(karaf.api("/connectors/rest-scjgj/records"))
                    .header("Authorization", "Bearer " + REST_TOKEN)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(PenaltyRecords.JSON.writeValueAsString(root),
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return false;
        }
        if (resp.statusCode() >= 500 || resp.statusCode() == 404) {
            return false; // down, booting (503) or the connector's endpoint not registered yet (404): send again
        }
        if (resp.statusCode() != 200) {
            problems.add("REST push answered HTTP " + resp.statusCode() + ": " + resp.body());
            return true;
        }
        try {
            JsonNode answer = PenaltyRecords.JSON.readTree(resp.body());
            for (JsonNode r : answer.path("results")) {
                String status = r.path("status").asText();
                ObjectNode rec = recs.get(r.path("index").asInt());
                if ("ACCEPTED".equals(status) || "ALREADY_ACCEPTED".equals(status)) {
                    String id = r.path("recordId").asText();
                    int version = r.path("version").asInt(1);
                    if (!tracker.isRegistered(id, version)) {
                        tokens.put(id, REST_TOKEN);
                        tracker.register(REST, id, version, sentAt, targets(rec));
                        restAccepted.incrementAndGet();
                    }
                    if ("ALREADY_ACCEPTED".equals(status)) {
                        restAlready.incrementAndGet();
                    }
                } else {
                    problems.add("REST record not accepted: " + r);
                }
            }
            return true;
        } catch (IOException e) {
            problems.add("REST answer unreadable: " + e);
            return true;
        }
    }

    /** The tax bureau's front-end machine: a red or black list file every --file-every-ms, CSV or XLSX. */
    private Void fileLoad() throws Exception {
        int rows = intOpt("file-rows", 20);
        long every = intOpt("file-every-ms", 6000);
        TaxSimulator bureau = new TaxSimulator(inbox());
        TaxSimulator.Format[] formats = {TaxSimulator.Format.CSV_UTF8, TaxSimulator.Format.CSV_GBK,
            TaxSimulator.Format.XLSX};
        int n = 0;
        int first = 1;
        while (!loadStopped) {
            TaxSimulator.ListType list = n % 2 == 0 ? TaxSimulator.ListType.RED : TaxSimulator.ListType.BLACK;
            Path file = bureau.drop(list, formats[n % formats.length], first, rows);
            droppedFiles.add(file.getFileName().toString());
            first += rows;
            n++;
            Thread.sleep(every);
        }
        return null;
    }

    private Path inbox() {
        return karaf.home.resolve("data/drop/swj");
    }

    // --- following --------------------------------------------------------------------------------------------------

    /** Reads result files, resolves the file records' targets in the ledger, and polls the simulators' stores. */
    private Void collect() throws Exception {
        while (!finished) {
            collectOnce();
            Thread.sleep(500);
        }
        collectOnce();
        return null;
    }

    private void collectOnce() {
        try {
            readResults();
            resolveTargets();
            tracker.poll();
        } catch (Exception e) {
            log("collector: %s (retrying)", e);
        }
    }

    /** Every new {@code *.result.json} in done/ or error/: rows ACCEPTED / ALREADY_ACCEPTED are accepted records. */
    private void readResults() throws IOException {
        for (String dir : List.of("done", "error")) {
            Path d = inbox().resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> results;
            try (Stream<Path> all = Files.list(d)) {
                results = all.filter(p -> p.getFileName().toString().endsWith(".result.json"))
                        .filter(p -> !readResults.contains(p)).sorted().toList();
            }
            for (Path p : results) {
                JsonNode result;
                try {
                    result = PenaltyRecords.JSON.readTree(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException partial) {
                    continue; // being written (or cut by a kill -9: the file is processed again)
                }
                readResults.add(p);
                String name = p.getFileName().toString().replaceFirst("\\.result\\.json$", "")
                        .replaceFirst("~\\d+(\\.[^.]+)$", "$1");
                answeredFiles.add(name);
                answeredFiles.add(result.path("file").asText());
                if (!"DONE".equals(result.path("status").asText())) {
                    problems.add("file " + p.getFileName() + " ended " + result.path("status").asText() + ": "
                            + result.path("error"));
                }
                for (JsonNode row : result.path("rows")) {
                    String status = row.path("status").asText();
                    if ("ACCEPTED".equals(status) || "ALREADY_ACCEPTED".equals(status)) {
                        String id = row.path("recordId").asText();
                        if ("ALREADY_ACCEPTED".equals(status)) {
                            fileAlready.incrementAndGet();
                        }
                        if (fileRecords.add(id)) {
                            fileVersions.put(id, row.path("version").asInt(1));
                            tokens.put(id, FILE_TOKEN);
                            unresolved.add(id);
                        }
                    } else {
                        problems.add("file row not accepted: " + p.getFileName() + " " + row);
                    }
                }
            }
        }
    }

    /**
     * A file record's upstreams: its canonical record as the ledger stored it, routed here with the model's regimes
     * (the same computation as for the REST records, independent of the gateway's fan-out).
     */
    private void resolveTargets() {
        int n = unresolved.size();
        for (int i = 0; i < n; i++) {
            String id = unresolved.poll();
            if (id == null) {
                return;
            }
            try {
                HttpResponse<String> r = karaf.get("/records/" + id, FILE_TOKEN);
                if (r.statusCode() != 200) {
                    unresolved.add(id);
                    return; // down or booting: later
                }
                JsonNode rec = PenaltyRecords.JSON.readTree(r.body());
                int version = fileVersions.get(id);
                JsonNode payload = null;
                for (JsonNode v : rec.path("versions")) {
                    if (v.path("version").asInt() == version) {
                        payload = v.path("record");
                    }
                }
                if (payload == null) {
                    problems.add("file record " + id + " v" + version + " not in the ledger");
                    continue;
                }
                tracker.register(FILES, id, version, Instant.parse(rec.path("updatedAt").asText(
                        Instant.now().toString())), routing.targets(CanonicalJson.read(payload.toString())));
            } catch (IOException e) {
                unresolved.add(id);
                return; // down or booting: later
            } catch (RuntimeException e) {
                problems.add("file record " + id + ": its upstreams could not be computed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Set<String> targets(JsonNode record) {
        ValidationOutcome o = validator.validate(record, validation);
        if (!o.valid()) {
            throw new IllegalStateException("record does not validate here: " + o.errors() + " " + record);
        }
        return routing.targets(o.record());
    }

    // --- quiescence and checks --------------------------------------------------------------------------------------

    private void quiesce(Future<?> rest, Future<?> drops) throws Exception {
        Duration drain = Duration.ofSeconds(intOpt("drain-timeout", 300));
        long end = System.nanoTime() + drain.toNanos();
        rest.get();
        log("REST: every batch answered (%d records accepted, %d answers ALREADY_ACCEPTED, %d sends without an "
                + "answer sent again)", restAccepted.get(), restAlready.get(), restUnanswered.get());
        if (drops != null) {
            drops.get();
            while (!answeredFiles.containsAll(droppedFiles) && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            Set<String> open = new HashSet<>(droppedFiles);
            open.removeAll(answeredFiles);
            if (!open.isEmpty()) {
                problems.add(open.size() + " dropped files without a result after " + drain.toSeconds() + " s: "
                        + open);
            }
            while (!unresolved.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            log("files: %d dropped, %d answered, %d records accepted (%d rows answered ALREADY_ACCEPTED)",
                    droppedFiles.size(), answeredFiles.stream().filter(droppedFiles::contains).count(),
                    fileRecords.size(), fileAlready.get());
        }
        long nextReport = System.nanoTime();
        while (System.nanoTime() < end) {
            tracker.poll();
            if (tracker.missing().isEmpty() && unresolved.isEmpty()) {
                break;
            }
            if (System.nanoTime() >= nextReport) {
                log("  waiting for deliveries; missing per upstream %s", tracker.missing());
                nextReport = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            }
            Thread.sleep(500);
        }
        log("delivered: every upstream holds every record routed to it%s", tracker.missing().isEmpty() ? ""
                : " — NOT: missing " + tracker.missing());
        // late redeliveries would show up as duplicates after the last first arrival: give them time
        Thread.sleep(intOpt("settle-seconds", 10) * 1000L);
        tracker.poll();
    }

    /** Stores and ledger: per upstream routed, held, lost, duplicated, and deliveries the ledger does not show. */
    private Map<String, UpstreamCounts> check() throws Exception {
        Map<String, Long> missing = tracker.missing();
        Map<String, Long> routed = tracker.routedPerUpstream();
        Map<String, Long> ledgerNotAccepted = ledgerCheck();
        Map<String, UpstreamCounts> counts = new LinkedHashMap<>();
        for (Map.Entry<String, UpstreamStore> e : upstreams.stores().entrySet()) {
            String u = e.getKey();
            long dup = e.getValue().duplicates().entrySet().stream().filter(d -> d.getKey().startsWith("DATA:"))
                    .mapToLong(Map.Entry::getValue).sum();
            long r = routed.getOrDefault(u, 0L);
            long lost = missing.getOrDefault(u, 0L);
            counts.put(u, new UpstreamCounts(r, r - lost, lost, dup, ledgerNotAccepted.getOrDefault(u, 0L)));
            if (lost > 0) {
                problems.add(u + ": " + lost + " accepted records never arrived");
            }
            if (dup > 0) {
                problems.add(u + ": " + dup + " duplicate arrivals (recordId+version): " + e.getValue().duplicates());
            }
            if (ledgerNotAccepted.getOrDefault(u, 0L) > 0) {
                problems.add(u + ": " + ledgerNotAccepted.get(u) + " deliveries not ACCEPTED in the ledger");
            }
        }
        int shown = 0;
        for (Map.Entry<String, Set<String>> m : tracker.missingRecords().entrySet()) {
            if (shown++ == 10) {
                break;
            }
            HttpResponse<String> r = karaf.get("/records/" + m.getKey(), tokens.getOrDefault(m.getKey(), REST_TOKEN));
            String ledger = r.body();
            try {
                JsonNode rec = PenaltyRecords.JSON.readTree(r.body());
                ledger = "state " + rec.path("state") + ", versions " + rec.path("versions").findValuesAsText("state")
                        + ", history " + rec.path("history") + ", deliveries " + rec.path("deliveries");
            } catch (IOException notJson) {
                // show the body as it is
            }
            problems.add("missing " + m.getKey() + " at " + m.getValue() + "; ledger (HTTP " + r.statusCode() + "): "
                    + ledger);
        }
        if (tracker.duplicates() > 0) {
            problems.add(tracker.duplicates() + " duplicate arrivals seen by the tracker");
        }
        if (tracker.unexpected() > 0) {
            problems.add(tracker.unexpected() + " arrivals of records never accepted, of another version or at an "
                    + "upstream they are not routed to");
        }
        if (tracker.registered() == 0) {
            problems.add("no record was accepted at all");
        }
        return counts;
    }

    /**
     * The ledger's view: every routed delivery of every accepted record is ACCEPTED (with its receipt), and there is
     * none to an upstream the record is not routed to. Asynchronous receipts may still be on their way: mismatches are
     * looked at again until --ledger-timeout.
     */
    private Map<String, Long> ledgerCheck() throws Exception {
        Map<String, Map.Entry<Integer, Set<String>>> all = tracker.routed();
        List<String> todo = new ArrayList<>(all.keySet());
        long end = System.nanoTime() + Duration.ofSeconds(intOpt("ledger-timeout", 120)).toNanos();
        Map<String, Long> notAccepted = new TreeMap<>();
        Map<String, Long> states = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            while (true) {
                notAccepted.clear();
                states.clear();
                List<Future<List<String>>> checks = new ArrayList<>();
                for (String id : todo) {
                    checks.add(pool.submit(() -> ledgerMismatches(id, all.get(id).getKey(), all.get(id).getValue())));
                }
                List<String> again = new ArrayList<>();
                for (int i = 0; i < todo.size(); i++) {
                    List<String> bad = checks.get(i).get();
                    if (!bad.isEmpty()) {
                        again.add(todo.get(i));
                        for (String b : bad) {
                            String[] us = b.split("=", 2);
                            notAccepted.merge(us[0], 1L, Long::sum);
                            states.merge(b, 1L, Long::sum);
                        }
                    }
                }
                todo = again;
                if (todo.isEmpty() || System.nanoTime() > end) {
                    break;
                }
                Thread.sleep(2000);
            }
        } finally {
            pool.shutdown();
        }
        log("ledger: %d records checked, %s", all.size(), todo.isEmpty()
                ? "every routed delivery ACCEPTED" : todo.size() + " with deliveries not ACCEPTED: " + states);
        return notAccepted;
    }

    /** "upstream=STATE" for each routed delivery of the version not ACCEPTED, "upstream=UNROUTED" for extra ones. */
    private List<String> ledgerMismatches(String id, int version, Set<String> targets) throws Exception {
        HttpResponse<String> r = karaf.get("/records/" + id, tokens.getOrDefault(id, REST_TOKEN));
        List<String> bad = new ArrayList<>();
        if (r.statusCode() != 200) {
            targets.forEach(u -> bad.add(u + "=HTTP " + r.statusCode()));
            return bad;
        }
        Map<String, String> state = new LinkedHashMap<>();
        for (JsonNode d : PenaltyRecords.JSON.readTree(r.body()).path("deliveries")) {
            if (d.path("version").asInt() == version) {
                state.put(d.path("upstream").asText(), d.path("state").asText());
            }
        }
        for (String u : targets) {
            String s = state.getOrDefault(u, "ABSENT");
            if (!"ACCEPTED".equals(s)) {
                bad.add(u + "=" + s);
            }
        }
        for (String u : state.keySet()) {
            if (!targets.contains(u)) {
                bad.add(u + "=UNROUTED");
            }
        }
        return bad;
    }

    // --- shields ----------------------------------------------------------------------------------------------------

    /**
     * Every --shield-every-ms, the city credit office shields one accepted record that every upstream it is routed
     * to already holds (so every one of them must receive the shield and acknowledge it, and no version of it is
     * left to be SUPPRESSED). A request without an answer is sent again, the same shieldId, until answered: a
     * shield is idempotent.
     */
    private Void shieldLoad() throws Exception {
        long every = intOpt("shield-every-ms", 5000);
        Deque<String[]> pending = new ArrayDeque<>();
        Set<String> chosen = new HashSet<>();
        long next = System.currentTimeMillis() + every;
        long drainEnd = Long.MAX_VALUE;
        int n = 0;
        while (!(loadStopped && pending.isEmpty())) {
            if (loadStopped && drainEnd == Long.MAX_VALUE) {
                drainEnd = System.currentTimeMillis() + intOpt("drain-timeout", 300) * 1000L;
            }
            if (System.currentTimeMillis() > drainEnd) {
                problems.add(pending.size() + " shields never answered within --drain-timeout");
                return null;
            }
            if (!loadStopped && System.currentTimeMillis() >= next) {
                Set<String> missing = tracker.missingRecords().keySet();
                tracker.routed().keySet().stream().filter(id -> !missing.contains(id) && !chosen.contains(id))
                        .findFirst().ifPresent(id -> {
                            chosen.add(id);
                            pending.add(new String[] {"CH-" + run + "-" + chosen.size(), id});
                        });
                next += every;
            }
            String[] oldest = pending.peek();
            if (oldest == null) {
                Thread.sleep(Math.max(1, Math.min(200, next - System.currentTimeMillis())));
            } else if (shielded(oldest[0], oldest[1])) {
                pending.poll();
                n++;
            } else {
                shieldUnanswered.incrementAndGet();
                Thread.sleep(500);
            }
        }
        log("shields: %d answered (%d sends without an answer sent again)", n, shieldUnanswered.get());
        return null;
    }

    /** POST /shields as the operator; true when answered (accepted, already accepted, or refused for good). */
    private boolean shielded(String shieldId, String target) throws InterruptedException {
        HttpResponse<String> resp;
        try {
            ObjectNode body = PenaltyRecords.JSON.createObjectNode().put("shieldId", shieldId)
                    .put("targetRecordId", target).put("cause", "REVOKED").put("decisionRef", "chaos " + shieldId);
            resp = http.send(HttpRequest.newBuilder(karaf.api("/shields"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "karaf:karaf".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return false;
        }
        if (resp.statusCode() >= 500 || resp.statusCode() == 404 && !resp.body().contains("E_UNKNOWN_RECORD")) {
            return false; // down or booting: send again
        }
        String status = "";
        try {
            status = PenaltyRecords.JSON.readTree(resp.body()).path("result").path("status").asText();
        } catch (IOException notJson) {
            // reported below
        }
        if (resp.statusCode() == 200 && ("ACCEPTED".equals(status) || "ALREADY_ACCEPTED".equals(status))) {
            shieldsSent.put(shieldId, target);
        } else {
            problems.add("shield " + shieldId + " of " + target + " refused: HTTP " + resp.statusCode() + " "
                    + resp.body());
        }
        return true;
    }

    /**
     * Every shield acknowledged by every holder: its proof document complete within --shield-timeout, listing
     * exactly the upstreams the record is routed to (all of which held it when it was shielded), each ACKED with a
     * receipt; each of them received the shield, and no other upstream did. A platform that received the same shield
     * more than once (a resend across a kill) is reported, not failed: a shield is idempotent by its shieldId.
     */
    private String checkShields() throws Exception {
        if (intOpt("shield-every-ms", 5000) <= 0) {
            return "shields: none sent (--shield-every-ms 0)";
        }
        if (shieldsSent.isEmpty()) {
            problems.add("no shield was sent (no record was held by every upstream in time)");
            return "shields: none sent";
        }
        Map<String, JsonNode> complete = new LinkedHashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(intOpt("shield-timeout", 180)).toNanos();
        while (complete.size() < shieldsSent.size() && System.nanoTime() < end) {
            for (String shieldId : shieldsSent.keySet()) {
                if (!complete.containsKey(shieldId)) {
                    HttpResponse<String> r = karaf.operatorGet("/shields/" + shieldId);
                    JsonNode proof = r.statusCode() == 200 ? PenaltyRecords.JSON.readTree(r.body()) : null;
                    if (proof != null && proof.path("complete").asBoolean()) {
                        complete.put(shieldId, proof);
                    }
                }
            }
            if (complete.size() < shieldsSent.size()) {
                Thread.sleep(1000);
            }
        }
        Map<String, Map.Entry<Integer, Set<String>>> routed = tracker.routed();
        long acks = 0;
        long duplicated = 0;
        for (Map.Entry<String, String> s : shieldsSent.entrySet()) {
            String shieldId = s.getKey();
            String target = s.getValue();
            JsonNode proof = complete.get(shieldId);
            if (proof == null) {
                HttpResponse<String> r = karaf.operatorGet("/shields/" + shieldId);
                problems.add("shield " + shieldId + " of " + target + " not acknowledged by every holder within "
                        + "--shield-timeout: " + r.body());
                continue;
            }
            Set<String> holders = routed.get(target).getValue();
            Set<String> platforms = new HashSet<>(proof.path("platforms").findValuesAsText("upstream"));
            if (!platforms.equals(holders)) {
                problems.add("shield " + shieldId + " of " + target + " went to " + platforms + ", held by " + holders);
            }
            for (JsonNode p : proof.path("platforms")) {
                if (!"ACKED".equals(p.path("state").asText()) || p.path("receiptId").asText().isBlank()) {
                    problems.add("shield " + shieldId + " at " + p.path("upstream").asText() + " not acked: " + p);
                } else {
                    acks++;
                }
            }
            for (Map.Entry<String, UpstreamStore> u : upstreams.stores().entrySet()) {
                long received = u.getValue().shields().stream().filter(i -> i.recordId().equals(target)).count();
                if (holders.contains(u.getKey()) && received == 0) {
                    problems.add("shield " + shieldId + " of " + target + " acked but never received by " + u.getKey());
                } else if (!holders.contains(u.getKey()) && received > 0) {
                    problems.add("shield " + shieldId + " of " + target + " received by " + u.getKey()
                            + ", which never held the record");
                }
                duplicated += Math.max(0, received - 1);
            }
        }
        if (duplicated > 0) {
            findings.add(duplicated + " shield copies arrived at a platform a second time (same shieldId)");
        }
        return String.format(Locale.ROOT, "shields: %d sent, %d acknowledged by every holder (%d platform acks), "
                + "%d arrived twice somewhere", shieldsSent.size(), complete.size(), acks, duplicated);
    }

    // --- output -----------------------------------------------------------------------------------------------------

    private void print(Result r) {
        StringBuilder b = new StringBuilder("\n");
        double[] secs = r.boots().stream().mapToDouble(d -> d.toMillis() / 1000.0).sorted().toArray();
        b.append(String.format(Locale.ROOT, "chaos run: %.1f min, seed %s; %d kill -9 + restart (boot after kill: "
                + "median %.1f s, max %.1f s), %d upstream outages, %d slow-receipt windows%n", r.minutes(),
                opt.getOrDefault("seed", "7"), r.kills(), secs.length == 0 ? 0 : secs[secs.length / 2],
                secs.length == 0 ? 0 : secs[secs.length - 1], r.outages(), r.slowReceiptWindows()));
        r.accepted().forEach((dept, n) -> b.append(String.format(Locale.ROOT, "accepted from %-20s %,8d%n", dept, n)));
        b.append(String.format(Locale.ROOT, "accepted in all               %,8d%n", r.acceptedTotal()));
        b.append(String.format(Locale.ROOT, "%n%-12s %8s %8s %6s %10s %18s%n", "upstream", "routed", "held", "lost",
                "duplicated", "ledger !ACCEPTED"));
        r.upstreams().forEach((u, c) -> b.append(String.format(Locale.ROOT, "%-12s %,8d %,8d %6d %10d %18d%n", u,
                c.routed(), c.held(), c.lost(), c.duplicated(), c.ledgerNotAccepted())));
        b.append(String.format(Locale.ROOT, "%-12s %8s %8s %6d %10d%n", "total", "", "", r.lost(), r.duplicated()));
        b.append(r.shields()).append('\n');
        findings.forEach(f -> b.append("finding (not counted as a failure): ").append(f).append('\n'));
        if (r.passed()) {
            b.append("PASSED: every accepted record held exactly once by every upstream it is routed to, and the "
                    + "ledger shows every delivery ACCEPTED\n");
        } else {
            b.append("FAILED:\n");
            r.problems().stream().limit(30).forEach(p -> b.append("  - ").append(p).append('\n'));
        }
        b.append("gateway log: ").append(karaf.home.resolve("data/log/karaf.log")).append('\n');
        out.print(b);
        out.flush();
    }

    private Duration bootTimeout() {
        return Duration.ofSeconds(intOpt("boot-timeout", 240));
    }

    private int intOpt(String name, int def) {
        return Integer.parseInt(opt.getOrDefault(name, Integer.toString(def)));
    }

    private synchronized void log(String fmt, Object... args) {
        out.printf(Locale.ROOT, "[%5.0f s] %s%n", Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                String.format(Locale.ROOT, fmt, args));
        out.flush();
    }

    /** features/distribution/target/assembly of the source tree this class was built in (bench/harness/target/…). */
    private static Path defaultDistribution() throws Exception {
        Path here = Path.of(ChaosRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = here.toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("features/distribution"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("source tree not found from " + here + "; pass --distribution DIR");
        }
        return dir.resolve("features/distribution/target/assembly");
    }

}
