package org.creditgate.core.shield;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.Shield;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.RecordResult;

/**
 * Shields the gateway itself issues (an operator's, an approved repair's, an expired publication period's, a revoked
 * objection's, a cascaded legal-representative link's): built as an ordinary SHIELD record and sent through the same
 * ingest as a department's, so validation, the ledger, local shielding, propagation, proof and the SLA watch are
 * exactly the ones every other shield gets.
 *
 * <p>Idempotent by construction: a shield without an explicit id gets one derived from what caused it
 * ({@link #derivedId}), so a job that runs twice, or a click repeated, resends the same shield (ALREADY_ACCEPTED).
 */
public final class ShieldIssuer {

    /** Issuer of shields the gateway decides itself (jobs); operators issue as {@code operator:<name>}. */
    public static final String GATEWAY = "gateway";

    private final Function<IngestRequest, IngestResult> ingest;
    private final Clock clock;
    private final ZoneId zone;

    public ShieldIssuer(Function<IngestRequest, IngestResult> ingest, Clock clock, ZoneId zone) {
        this.ingest = ingest;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A shield to issue.
     *
     * @param target      the head of the record to shield
     * @param cause       why
     * @param shieldId    the id, or null to derive one from target and cause ({@link #derivedId})
     * @param decisionRef the decision, notice or rule it rests on; may be null
     * @param effectiveAt when it takes effect, or null for now; a job re-issuing a shield must pass the same time
     *                    each run (an identical resend is ALREADY_ACCEPTED, a different one E_DUPLICATE)
     * @param targets     the platforms to shield on; empty = every platform holding the record
     * @param scope       the whole record, or only the named platforms (the record stays published locally)
     */
    public record Request(RecordHead target, Shield.Cause cause, String shieldId, String decisionRef,
            OffsetDateTime effectiveAt, Collection<String> targets, Shield.Scope scope) {

        /** A shield of the whole record. */
        public Request(RecordHead target, Shield.Cause cause, String shieldId, String decisionRef,
                OffsetDateTime effectiveAt, Collection<String> targets) {
            this(target, cause, shieldId, decisionRef, effectiveAt, targets, Shield.Scope.RECORD);
        }
    }

    /** The shield id for a target and cause when the issuer gives none: the same cause twice is the same shield. */
    public static String derivedId(String targetRecordId, Shield.Cause cause) {
        return "GW-" + cause + "-" + targetRecordId;
    }

    /**
     * Issues a shield through ingest.
     *
     * @param issuer  who issues it (recorded as the shield's source; at most 64 characters are kept)
     * @param channel how it was issued (history)
     * @return the shield id and its ingest result
     */
    public Issued issue(String issuer, String channel, Request r) {
        ObjectNode shield = JsonNodeFactory.instance.objectNode();
        shield.put("dataset", "SHIELD");
        String shieldId = r.shieldId() != null ? r.shieldId() : derivedId(r.target().recordId(), r.cause());
        shield.put("shieldId", shieldId);
        shield.put("targetDataset", r.target().dataset());
        shield.put("targetRecordId", r.target().recordId());
        shield.put("targetBusinessKey", r.target().businessKey());
        shield.put("cause", r.cause().name());
        OffsetDateTime at = r.effectiveAt() != null ? r.effectiveAt() : OffsetDateTime.now(clock.withZone(zone));
        shield.put("effectiveAt", at.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .toString());
        Optional.ofNullable(r.decisionRef()).ifPresent(ref -> shield.put("decisionRef", ref));
        if (r.targets() != null && !r.targets().isEmpty()) {
            ArrayNode targets = shield.putArray("targets");
            r.targets().forEach(targets::add);
        }
        if (r.scope() == Shield.Scope.PLATFORMS) {
            shield.put("scope", r.scope().name());
        }
        IngestResult result = ingest.apply(new IngestRequest(issuer.length() > 64 ? issuer.substring(0, 64) : issuer,
                channel, shield));
        return new Issued(shieldId, result.results().get(0));
    }

    /** A shield as issued: its id and how ingest answered. */
    public record Issued(String shieldId, RecordResult result) {
    }
}
