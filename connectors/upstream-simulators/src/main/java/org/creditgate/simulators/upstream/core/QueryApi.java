package org.creditgate.simulators.upstream.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The status and holdings queries every REST upstream answers the same way (README, "Common queries"). */
public final class QueryApi {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String UNKNOWN = "UNKNOWN";

    private QueryApi() {
    }

    /**
     * {@code GET …/status?msgId=…} → {@code {msgId, state UNKNOWN|PENDING|DONE, receipt?}};
     * {@code GET …/status?recordId=…&version=…[&msgType=SHIELD]} → {@link BatchIntake#recordStatus}.
     *
     * @param released whether a known message's receipt is out yet (always true for synchronous upstreams)
     */
    public static HttpResponse status(BatchIntake intake, HttpRequest req, Predicate<String> released) {
        requireGet(req);
        String msgId = req.param("msgId");
        if (msgId != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("msgId", msgId);
            var receipt = intake.receipt(msgId);
            if (receipt.isEmpty()) {
                m.put("state", UNKNOWN);
            } else if (!released.test(msgId)) {
                m.put("state", PENDING);
            } else {
                m.put("state", DONE);
                m.put("receipt", receipt.get());
            }
            return HttpResponse.ok(m);
        }
        String recordId = req.require("recordId");
        int version = req.intParam("version", 0);
        if (version < 1) {
            return HttpResponse.error(400, "E_REQUIRED", "version", "version (>= 1) missing");
        }
        return HttpResponse.ok(intake.recordStatus(recordId, version,
                EnvelopeHeader.SHIELD.equals(req.param("msgType"))));
    }

    /** {@code GET …/holdings[?dataset=…]}. */
    public static HttpResponse holdings(BatchIntake intake, HttpRequest req) {
        requireGet(req);
        return HttpResponse.ok(intake.holdingsReport(req.param("dataset")));
    }

    public static void requireGet(HttpRequest req) {
        requireMethod(req, "GET");
    }

    public static void requireMethod(HttpRequest req, String method) {
        if (!method.equals(req.method())) {
            throw new HttpResponse.Failure(HttpResponse.error(405, "E_METHOD", "", req.method() + " " + req.path()
                    + " not allowed; use " + method));
        }
    }
}
