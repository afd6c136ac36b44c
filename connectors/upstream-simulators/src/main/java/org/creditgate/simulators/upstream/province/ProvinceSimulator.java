package org.creditgate.simulators.upstream.province;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.simulators.upstream.core.AdminApi;
import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.simulators.upstream.core.Envelope;
import org.creditgate.simulators.upstream.core.HttpRequest;
import org.creditgate.simulators.upstream.core.HttpResponse;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.Ports;
import org.creditgate.simulators.upstream.core.QueryApi;
import org.creditgate.simulators.upstream.core.Receipt;
import org.creditgate.simulators.upstream.core.SimHttpServer;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 省信用信息共享平台: REST JSON batches in the §7.2 envelope, answered 202 at once; the receipt comes later — from
 * {@code GET /province/v1/receipts/{msgId}}, from the receipt feed {@code GET /province/v1/receipts?after=n}, and
 * POSTed to a callback URL when one is set. Late and duplicate receipts are misbehaviours (README, "province").
 */
public final class ProvinceSimulator implements AutoCloseable {

    public static final String UPSTREAM = "province";
    public static final String BASE = "/province/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSimulator.class);
    private static final int MAX_FEED_PAGE = 500;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Misbehaviour misbehaviour = new Misbehaviour();
    private final UpstreamStore store = new UpstreamStore();
    private final BatchIntake intake = new BatchIntake(UPSTREAM, store, misbehaviour);
    private final List<Receipt> feed = new ArrayList<>();
    private final Set<String> released = new HashSet<>();
    private final AtomicInteger callbacksSent = new AtomicInteger();
    private final AtomicInteger callbacksFailed = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService scheduler;
    private SimHttpServer server;
    private volatile String callbackUrl;

    public ProvinceSimulator() {
        intake.onClear(() -> {
            synchronized (feed) {
                feed.clear();
                released.clear();
            }
        });
    }

    /** Listens on 127.0.0.1:{@code port}; 0 picks a free port. */
    public ProvinceSimulator start(int port) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "province-receipts");
            t.setDaemon(true);
            return t;
        });
        server = new SimHttpServer(UPSTREAM, port, misbehaviour)
                .guarded(BASE + "/batches", this::batch)
                .guarded(BASE + "/receipts", this::receipts)
                .guarded(BASE + "/status", req -> QueryApi.status(intake, req, this::isReleased))
                .guarded(BASE + "/holdings", req -> QueryApi.holdings(intake, req))
                .plain("/admin/callback", this::setCallback)
                .plain("/admin/repair", this::pushRepair);
        AdminApi.register(server, intake);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>/province/v1} */
    public String url() {
        return server.baseUrl() + BASE;
    }

    /** {@code http://127.0.0.1:<port>} (admin calls are under {@code /admin/}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Receipts are also POSTed here (null: polling only). */
    public ProvinceSimulator callbackUrl(String url) {
        callbackUrl = url;
        return this;
    }

    private HttpResponse batch(HttpRequest req) {
        QueryApi.requireMethod(req, "POST");
        Envelope env = Envelope.parse(Json.read(req.body()));
        Receipt receipt = intake.process(env);
        long delay = misbehaviour.receiptDelay().toMillis();
        int copies = 1 + misbehaviour.duplicateReceipts();
        scheduler.schedule(() -> release(receipt, copies), delay, TimeUnit.MILLISECONDS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msgId", env.header().msgId());
        m.put("status", "RECEIVED");
        m.put("receiptUrl", url() + "/receipts/" + env.header().msgId());
        return new HttpResponse(202, m);
    }

    private void release(Receipt receipt, int copies) {
        synchronized (feed) {
            released.add(receipt.ackFor());
            for (int i = 0; i < copies; i++) {
                feed.add(receipt);
            }
        }
        String target = callbackUrl;
        for (int i = 0; target != null && i < copies; i++) {
            callback(target, receipt);
        }
    }

    /** One attempt per receipt copy; a failed callback is counted, the receipt stays pollable. */
    private void callback(String target, Receipt receipt) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(BodyPublishers.ofString(receipt.toJson())).build();
            int status = http.send(request, BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? callbacksSent : callbacksFailed).incrementAndGet();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("receipt callback to {} failed: {}", target, e.toString());
            callbacksFailed.incrementAndGet();
        }
    }

    private HttpResponse receipts(HttpRequest req) {
        QueryApi.requireGet(req);
        String rest = req.path().substring((BASE + "/receipts").length());
        if (rest.isEmpty() || "/".equals(rest)) {
            return feedPage(req.intParam("after", 0), req.intParam("limit", 100));
        }
        String msgId = rest.substring(1);
        if (intake.receipt(msgId).isEmpty()) {
            return HttpResponse.error(404, "E_UNKNOWN_MSG", "msgId", "no message " + msgId + " received");
        }
        if (!isReleased(msgId)) {
            return new HttpResponse(202, Map.of("ackFor", msgId, "status", QueryApi.PENDING));
        }
        return HttpResponse.ok(intake.receipt(msgId).get());
    }

    private HttpResponse feedPage(int after, int limit) {
        List<Map<String, Object>> page = new ArrayList<>();
        int last;
        synchronized (feed) {
            int from = Math.max(0, after);
            int to = Math.min(feed.size(), from + Math.max(1, Math.min(limit, MAX_FEED_PAGE)));
            for (int i = from; i < to; i++) {
                page.add(Map.of("seq", i + 1, "receipt", feed.get(i)));
            }
            last = Math.max(to, from);
        }
        return HttpResponse.ok(Map.of("receipts", page, "last", last));
    }

    private HttpResponse setCallback(HttpRequest req) {
        if ("DELETE".equals(req.method())) {
            callbackUrl = null;
        } else {
            QueryApi.requireMethod(req, "POST");
            callbackUrl = req.require("url");
        }
        return HttpResponse.ok(Map.of("callbackUrl", String.valueOf(callbackUrl)));
    }

    /**
     * Test hook: {@code POST /admin/repair {gateway, token, shieldId, targetRecordId | targetDataset +
     * targetBusinessKey, effectiveAt?, decisionRef?}} makes the province push one of its own repairs to the gateway
     * ({@link RepairPush}); the answer is the gateway's status and body.
     */
    private HttpResponse pushRepair(HttpRequest req) {
        QueryApi.requireMethod(req, "POST");
        JsonNode in = Json.read(req.body());
        String effective = in.path("effectiveAt").asText(null);
        RepairPush.Repair repair = new RepairPush.Repair(in.path("shieldId").asText(null),
                in.path("targetRecordId").asText(null), in.path("targetDataset").asText(null),
                in.path("targetBusinessKey").asText(null), effective == null ? OffsetDateTime.now(BEIJING)
                        .truncatedTo(ChronoUnit.SECONDS) : OffsetDateTime.parse(effective),
                in.path("decisionRef").asText(null));
        RepairPush.Answer answer = pushRepair(in.path("gateway").asText(), in.path("token").asText(), repair);
        return new HttpResponse(answer.status() == 0 ? 502 : 200, Map.of("gatewayStatus", answer.status(),
                "gatewayAnswer", answer.body() == null ? Map.of() : answer.body()));
    }

    /** Pushes one of the province's own repairs to the gateway and returns its answer (status 0: unreachable). */
    public RepairPush.Answer pushRepair(String gatewayApi, String token, RepairPush.Repair repair) {
        try {
            return new RepairPush(gatewayApi, token).send(repair);
        } catch (java.io.IOException e) {
            LOG.warn("repair push to {} failed: {}", gatewayApi, e.toString());
            return new RepairPush.Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RepairPush.Answer(0, null);
        }
    }

    private boolean isReleased(String msgId) {
        synchronized (feed) {
            return released.contains(msgId);
        }
    }

    // --- for tests ---

    public UpstreamStore store() {
        return store;
    }

    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    public BatchIntake intake() {
        return intake;
    }

    /** Receipts released so far, duplicates included, in feed order. */
    public List<Receipt> releasedReceipts() {
        synchronized (feed) {
            return List.copyOf(feed);
        }
    }

    public int callbacksSent() {
        return callbacksSent.get();
    }

    public int callbacksFailed() {
        return callbacksFailed.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** {@code ProvinceSimulator [port] [callbackUrl]} (default port 8301). */
    public static void main(String[] args) throws InterruptedException {
        ProvinceSimulator sim = new ProvinceSimulator().start(args.length > 0 ? Integer.parseInt(args[0]) : 8301);
        if (args.length > 1) {
            sim.callbackUrl(args[1]);
        }
        System.out.println("Province simulator at " + sim.url() + " (admin " + sim.baseUrl() + "/admin/state)");
        Ports.awaitShutdown(sim);
    }
}
