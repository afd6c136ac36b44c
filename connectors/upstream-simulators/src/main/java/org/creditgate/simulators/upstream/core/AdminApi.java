package org.creditgate.simulators.upstream.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/…} on a simulator's HTTP server: read its state and change its misbehaviour while it runs (README,
 * "Admin API"). Setters are POST, clearing is DELETE, reads are GET; every answer is {@code GET /admin/state}'s
 * JSON except for the reads.
 */
public final class AdminApi {

    private final BatchIntake intake;
    private final Misbehaviour mis;

    private AdminApi(BatchIntake intake) {
        this.intake = intake;
        this.mis = intake.misbehaviour();
    }

    /** Registers {@code /admin/} on the server. */
    public static void register(SimHttpServer server, BatchIntake intake) {
        AdminApi api = new AdminApi(intake);
        server.plain("/admin/", api::handle);
    }

    private HttpResponse handle(HttpRequest req) {
        String what = req.path().substring("/admin/".length());
        String m = req.method();
        switch (m + " " + what) {
            case "GET state" -> { }
            case "GET holdings" -> {
                return HttpResponse.ok(intake.holdingsReport(req.param("dataset")));
            }
            case "GET received" -> {
                UpstreamStore s = intake.store();
                return HttpResponse.ok(EnvelopeHeader.SHIELD.equals(req.param("msgType")) ? s.shields() : s.data());
            }
            case "GET dropped" -> {
                return HttpResponse.ok(intake.store().dropped());
            }
            case "GET duplicates" -> {
                return HttpResponse.ok(intake.store().duplicates());
            }
            case "GET receipts" -> {
                return HttpResponse.ok(intake.receipts());
            }
            case "POST outage" -> outage(req);
            case "DELETE outage" -> mis.clearOutages();
            case "POST latency" -> mis.latency(Duration.ofMillis(req.intParam("ms", 0)));
            case "POST error-rate" -> mis.errorRate(req.doubleParam("rate", 0), req.intParam("seed", 0));
            case "POST fail-next" -> mis.failNext(req.intParam("count", 1));
            case "POST reject" -> mis.reject(RejectRule.fieldEquals(req.param("dataset"), req.param("field"),
                    req.param("value"), req.query().getOrDefault("code", "E_RULE")));
            case "DELETE reject" -> mis.clearRejectRules();
            case "POST drop" -> mis.dropRecord(req.require("recordId"));
            case "POST phantom" -> intake.store().addPhantom(req.require("recordId"), req.intParam("version", 1),
                    req.query().getOrDefault("dataset", "PENALTY"), mis.now());
            case "POST duplicate-receipts" -> mis.duplicateReceipts(req.intParam("copies", 1));
            case "POST receipt-delay" -> mis.receiptDelay(Duration.ofMillis(req.intParam("ms", 0)));
            case "POST reset" -> {
                mis.reset();
                if (Boolean.parseBoolean(req.param("data"))) {
                    intake.clear();
                }
            }
            default -> {
                return HttpResponse.error(404, "E_NOT_FOUND", "", m + " /admin/" + what + " is not an admin call");
            }
        }
        return HttpResponse.ok(state());
    }

    private void outage(HttpRequest req) {
        if (req.param("seconds") != null) {
            mis.outageFor(Duration.ofSeconds(req.intParam("seconds", 0)));
        } else {
            mis.outage(Instant.parse(req.require("from")), Instant.parse(req.require("to")));
        }
    }

    private Map<String, Object> state() {
        UpstreamStore s = intake.store();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upstream", intake.upstream());
        m.put("received", s.data().size());
        m.put("shields", s.shields().size());
        m.put("dropped", s.dropped().size());
        m.put("duplicates", s.duplicateCount());
        m.put("holdings", s.holdings().size());
        m.put("receipts", intake.receipts().size());
        m.put("misbehaviour", mis.describe());
        return m;
    }
}
