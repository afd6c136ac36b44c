package org.creditgate.simulators.upstream.creditchina;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.simulators.upstream.core.AdminApi;
import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.simulators.upstream.core.BodyItem;
import org.creditgate.simulators.upstream.core.Envelope;
import org.creditgate.simulators.upstream.core.EnvelopeException;
import org.creditgate.simulators.upstream.core.EnvelopeHeader;
import org.creditgate.simulators.upstream.core.HttpRequest;
import org.creditgate.simulators.upstream.core.HttpResponse;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.Ports;
import org.creditgate.simulators.upstream.core.QueryApi;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.SimHttpServer;
import org.creditgate.simulators.upstream.core.UpstreamStore;

/**
 * 信用中国 public disclosure: REST, the §7.2 envelope answered at once with the receipt (one result per record).
 * Takes publishable records only ({@code data.publish = "N"} → {@code E_NOT_PUBLISHABLE}). Keeps every request
 * body exactly as received so {@link #privacyScan()} can prove no unmasked ID number or legal representative's ID
 * number ever reached the public site (README, "creditchina").
 */
public final class CreditChinaSimulator implements AutoCloseable {

    public static final String UPSTREAM = "creditchina";
    public static final String BASE = "/creditchina/v1";
    public static final String E_NOT_PUBLISHABLE = "E_NOT_PUBLISHABLE";
    public static final String E_PRIVACY = "E_PRIVACY";

    /** A request body as received. */
    private record RawPayload(long seq, Instant receivedAt, byte[] bytes) {
    }

    private final Misbehaviour misbehaviour = new Misbehaviour();
    private final UpstreamStore store = new UpstreamStore();
    private final BatchIntake intake = new BatchIntake(UPSTREAM, store, misbehaviour);
    private final List<RawPayload> payloads = new ArrayList<>();
    private volatile boolean rejectPrivacyViolations;
    private SimHttpServer server;

    public CreditChinaSimulator() {
        intake.check(CreditChinaSimulator::publishable);
        intake.check((h, item) -> rejectPrivacyViolations ? privacy(item) : Optional.empty());
        intake.onClear(() -> {
            synchronized (payloads) {
                payloads.clear();
            }
        });
    }

    /** Listens on 127.0.0.1:{@code port}; 0 picks a free port. */
    public CreditChinaSimulator start(int port) {
        server = new SimHttpServer(UPSTREAM, port, misbehaviour)
                .guarded(BASE + "/records", this::records)
                .guarded(BASE + "/status", req -> QueryApi.status(intake, req, msgId -> true))
                .guarded(BASE + "/holdings", req -> QueryApi.holdings(intake, req))
                .plain(BASE + "/privacy-scan", req -> HttpResponse.ok(scanReport()));
        AdminApi.register(server, intake);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>/creditchina/v1} */
    public String url() {
        return server.baseUrl() + BASE;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** When on, records carrying personal ID data are also rejected {@code E_PRIVACY} (off: accepted, reported). */
    public CreditChinaSimulator rejectPrivacyViolations(boolean on) {
        rejectPrivacyViolations = on;
        return this;
    }

    private HttpResponse records(HttpRequest req) {
        QueryApi.requireMethod(req, "POST");
        synchronized (payloads) {
            payloads.add(new RawPayload(payloads.size() + 1L, misbehaviour.now(), req.body()));
        }
        Envelope env = Envelope.parse(Json.read(req.body()));
        return HttpResponse.ok(intake.process(env));
    }

    private static Optional<RecordError> publishable(EnvelopeHeader h, BodyItem item) {
        if (!h.shield() && "N".equalsIgnoreCase(item.field("publish"))) {
            return Optional.of(new RecordError(E_NOT_PUBLISHABLE, "publish", "信用中国 publishes only records with "
                    + "publish=Y"));
        }
        return Optional.empty();
    }

    private static Optional<RecordError> privacy(BodyItem item) {
        return IdNumberScanner.scan(item.data()).stream().findFirst()
                .map(f -> new RecordError(E_PRIVACY, "data" + f.pointer(), f.kind() + " " + f.maskedValue()));
    }

    /** Scans every request body received so far. */
    public List<PrivacyViolation> privacyScan() {
        List<RawPayload> copy;
        synchronized (payloads) {
            copy = List.copyOf(payloads);
        }
        List<PrivacyViolation> out = new ArrayList<>();
        for (RawPayload p : copy) {
            JsonNode root;
            try {
                root = Json.read(p.bytes());
            } catch (EnvelopeException notJson) {
                IdNumberScanner.idNumbersIn(new String(p.bytes(), StandardCharsets.UTF_8)).forEach(id -> out.add(
                        new PrivacyViolation(p.seq(), p.receivedAt(), null, null, "", IdNumberScanner.UNMASKED_ID,
                                id.substring(0, 6) + "********" + id.substring(14))));
                continue;
            }
            String msgId = root.path("header").path("msgId").asText(null);
            for (IdNumberScanner.Finding f : IdNumberScanner.scan(root)) {
                out.add(new PrivacyViolation(p.seq(), p.receivedAt(), msgId, recordIdAt(root, f.pointer()),
                        f.pointer(), f.kind(), f.maskedValue()));
            }
        }
        return out;
    }

    /** {@code /body/3/data/…} → body[3].recordId. */
    private static String recordIdAt(JsonNode root, String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length > 2 && "body".equals(parts[1]) && parts[2].chars().allMatch(Character::isDigit)) {
            return root.path("body").path(Integer.parseInt(parts[2])).path("recordId").asText(null);
        }
        return null;
    }

    private Map<String, Object> scanReport() {
        List<PrivacyViolation> v = privacyScan();
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (payloads) {
            m.put("payloadsScanned", payloads.size());
        }
        m.put("violationCount", v.size());
        m.put("violations", v);
        return m;
    }

    // --- for tests ---

    public int payloadsReceived() {
        synchronized (payloads) {
            return payloads.size();
        }
    }

    public UpstreamStore store() {
        return store;
    }

    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    public BatchIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** {@code CreditChinaSimulator [port]} (default 8303). */
    public static void main(String[] args) throws InterruptedException {
        CreditChinaSimulator sim = new CreditChinaSimulator().start(args.length > 0 ? Integer.parseInt(args[0]) : 8303);
        System.out.println("信用中国 simulator at " + sim.url() + " (privacy scan " + sim.url() + "/privacy-scan)");
        Ports.awaitShutdown(sim);
    }
}
