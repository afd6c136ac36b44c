package org.creditgate.core.shield;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.auth.UpstreamPlatform;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.Shield;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound channel for repairs done at an upstream platform (上级平台修复, domain.md §6.2): the province or the
 * national platform tells the gateway it repaired a record it received, and the gateway shields it with cause
 * {@code UPSTREAM_REPAIR} and the platform as the source — so the shield is forwarded to every other platform that
 * holds the record and never back to the sender, and the proof names the sender as its origin.
 *
 * <p>The platform names the record by gateway id ({@code targetRecordId}) or by dataset and business key
 * ({@code targetDataset} + {@code targetBusinessKey}, as the shields it receives carry them), gives its own id for
 * the repair ({@code shieldId}, the idempotency key: the same id is the same shield), when it took effect
 * ({@code effectiveAt}, ISO with offset) and optionally its decision ({@code decisionRef}).
 */
public final class UpstreamRepairs {

    /** The channel recorded for these shields (history). */
    public static final String CHANNEL = "upstream";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRepairs.class);
    private static final int MAX_ID = 64;

    private final Ledger ledger;
    private final ShieldIssuer issuer;

    public UpstreamRepairs(Ledger ledger, ShieldIssuer issuer) {
        this.ledger = ledger;
        this.issuer = issuer;
    }

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    /**
     * The gateway's id of a platform's repair: {@code UP-<platform>-<its id>}, or a name-based UUID of its id when
     * that would exceed the 64 characters of a shield id. Per platform, so two platforms' ids never collide.
     */
    public static String shieldId(String platform, String upstreamShieldId) {
        String prefix = "UP-" + platform + "-";
        String readable = prefix + upstreamShieldId;
        return readable.length() <= MAX_ID ? readable : prefix + UUID.nameUUIDFromBytes(
                upstreamShieldId.getBytes(StandardCharsets.UTF_8));
    }

    public Answer receive(UpstreamPlatform from, JsonNode body) {
        String theirs = text(body, "shieldId");
        String effective = text(body, "effectiveAt");
        String recordId = text(body, "targetRecordId");
        String dataset = text(body, "targetDataset");
        String key = text(body, "targetBusinessKey");
        if (theirs == null || effective == null || recordId == null && (dataset == null || key == null)) {
            return error(400, "BAD_REQUEST", "shieldId (your repair's id), effectiveAt (ISO date-time with offset) "
                    + "and the record — targetRecordId, or targetDataset and targetBusinessKey — are required; "
                    + "decisionRef is optional");
        }
        if (theirs.length() > 128) {
            return error(400, "BAD_REQUEST", "shieldId has " + theirs.length() + " characters; at most 128");
        }
        OffsetDateTime effectiveAt;
        try {
            effectiveAt = OffsetDateTime.parse(effective);
        } catch (DateTimeParseException e) {
            return error(400, "BAD_REQUEST", "effectiveAt \"" + clip(effective) + "\" is not an ISO date-time with "
                    + "offset, e.g. 2026-11-20T10:00:00+08:00");
        }
        Optional<RecordHead> head = recordId != null ? ledger.head(recordId)
                : ledger.headByKey(dataset.toUpperCase(java.util.Locale.ROOT), key);
        if (head.isEmpty()) {
            return error(404, "E_UNKNOWN_RECORD", recordId != null ? "no record " + clip(recordId)
                    + " was ever received by the gateway" : "no " + clip(dataset) + " record with business key "
                    + clip(key) + " was ever received by the gateway");
        }
        if (recordId != null && dataset != null && !dataset.equalsIgnoreCase(head.get().dataset())) {
            return error(404, "E_UNKNOWN_RECORD", "record " + recordId + " is a " + head.get().dataset()
                    + " record, not " + clip(dataset));
        }
        String shieldId = shieldId(from.id(), theirs);
        ShieldIssuer.Issued issued = issuer.issue(from.id(), CHANNEL, new ShieldIssuer.Request(head.get(),
                Shield.Cause.UPSTREAM_REPAIR, shieldId, text(body, "decisionRef"), effectiveAt, List.of()));
        RecordResult r = issued.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shieldId", shieldId);
        m.put("upstreamShieldId", theirs);
        m.put("targetRecordId", head.get().recordId());
        m.put("status", r.status());
        if (r.status() == IngestStatus.REJECTED) {
            m.put("errors", r.errors());
            // the same id for another repair (E_DUPLICATE) is a conflict; anything else is the request's fault
            boolean conflict = r.errors().stream().anyMatch(i -> "E_DUPLICATE".equals(i.code()));
            return new Answer(conflict ? 409 : 422, m);
        }
        LOG.info("Upstream {} repaired record {} ({} {}): shield {} {}", from.id(), head.get().recordId(),
                head.get().dataset(), theirs, shieldId, r.status());
        return new Answer(200, m);
    }

    private static Answer error(int status, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return new Answer(status, m);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
