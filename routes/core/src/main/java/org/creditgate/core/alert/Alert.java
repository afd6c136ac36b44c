package org.creditgate.core.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditgate.model.Masking;
import org.creditgate.model.publication.PublicProjection;

/**
 * An operational alert of the gateway (告警), as operators, the console and the webhook see it. {@code alertId} is
 * stable for one occurrence of one condition (e.g. {@code shield-overdue:<shieldId>:<upstream>}), so whoever raises it
 * again — the next check, a second node — raises the same event: the broker drops the copy by duplicate id and
 * {@link Alerts} keeps it once.
 *
 * <p>Personal ID numbers never leave the gateway in an alert: the message and the subject ids are masked on
 * construction (a record id is never one, but a mistaken subject code could be).
 *
 * @param alertId    stable id of this occurrence, used for de-duplication
 * @param alertClass what kind of condition
 * @param severity   how urgent
 * @param component  the connector, upstream or job concerned ({@code connector:<id>}, {@code upstream:<id>}, ...)
 * @param subjectIds record, shield or objection ids concerned (may be empty)
 * @param message    one line for operators, without the {@code ALERT} prefix
 * @param raisedAt   when it was first raised
 */
public record Alert(String alertId, AlertClass alertClass, Severity severity, String component,
        List<String> subjectIds, String message, Instant raisedAt) {

    /** The kinds of alert; the webhook filter and the console group by them. */
    public enum AlertClass {
        /** A connector made no progress and was restarted by the supervisor. */
        STALL,
        /** Dead letters added on an upstream's DLQ. */
        DLQ,
        /** A shield not dispatched, or not acknowledged, within its SLA (domain.md §5.2). */
        SHIELD_OVERDUE,
        /** 双公示 records at risk of missing, or past, their 7-working-day deadline. */
        DEADLINE_RISK,
        /** A reconciliation discrepancy that cannot be repaired automatically, or a failed run. */
        RECONCILIATION,
        /** An objection's verification past its due date (异议核实逾期). */
        OBJECTION_OVERDUE,
        /** A connector or upstream went DOWN. */
        HEALTH
    }

    /** How urgent an alert is. */
    public enum Severity { INFO, WARNING, CRITICAL }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SUBJECTS = 50;

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(alertClass, "alertClass");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        component = component == null ? "" : component;
        subjectIds = subjectIds == null ? List.of() : subjectIds.stream().limit(MAX_SUBJECTS)
                .map(Alert::mask).toList();
        message = mask(message == null ? "" : message);
        alertId = mask(alertId);
    }

    /** An alert with one subject or none. */
    public static Alert of(String alertId, AlertClass alertClass, Severity severity, String component,
            String subjectId, String message, Instant raisedAt) {
        return new Alert(alertId, alertClass, severity, component, subjectId == null ? List.of() : List.of(subjectId),
                message, raisedAt);
    }

    /** The line the gateway logs at WARN. */
    public String logLine() {
        return "ALERT " + message;
    }

    /** As published on the topic, POSTed to the webhook and listed by the API. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", alertId);
        m.put("class", alertClass.name());
        m.put("severity", severity.name());
        m.put("component", component);
        m.put("subjectIds", subjectIds);
        m.put("message", message);
        m.put("raisedAt", raisedAt.toString());
        return m;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(view());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alertId + " not writable as JSON", e);
        }
    }

    /** Reads what {@link #toJson} wrote. */
    public static Alert fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            List<String> subjects = new java.util.ArrayList<>();
            n.path("subjectIds").forEach(s -> subjects.add(s.asText()));
            return new Alert(n.path("alertId").asText(), AlertClass.valueOf(n.path("class").asText()),
                    Severity.valueOf(n.path("severity").asText()), n.path("component").asText(), subjects,
                    n.path("message").asText(), Instant.parse(n.path("raisedAt").asText()));
        } catch (JsonProcessingException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not an alert: " + e.getMessage(), e);
        }
    }

    private static String mask(String text) {
        return Masking.inMessage(PublicProjection.maskIdNumbersIn(text));
    }
}
