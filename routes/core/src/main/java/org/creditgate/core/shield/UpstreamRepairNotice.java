package org.creditgate.core.shield;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.creditgate.core.ingest.AcceptedListener;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.Shield;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the department that provided a record when an upstream platform repaired it (domain.md §6.2: inbound SHIELD
 * from province/national → notify the source department): an {@code UPSTREAM_REPAIR} event on the department's
 * events address, once the shield is durable. The event names the record and the repair, never the subject's ID
 * number (the business key carries only the subject's key).
 *
 * <p>Idempotent: the event id is {@code UPSTREAM_REPAIR:<shieldId>}, which the broker's duplicate detection keeps
 * once, so a repeated notice — the same shield seen again by a catch-up — is harmless. A notice the broker refuses
 * is logged and retried by {@link #notice} when the shield is seen again.
 */
public final class UpstreamRepairNotice implements AcceptedListener {

    /** The event type. */
    public static final String EVENT = "UPSTREAM_REPAIR";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRepairNotice.class);

    private final Ledger ledger;
    private final DepartmentEvents events;

    public UpstreamRepairNotice(Ledger ledger, DepartmentEvents events) {
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public void accepted(List<RecordVersion> versions, Instant at) {
        for (RecordVersion v : versions) {
            if ("SHIELD".equals(v.dataset())) {
                notice(v);
            }
        }
    }

    /** Sends the notice of one stored SHIELD version if it is an upstream's repair; false when none was due. */
    public boolean notice(RecordVersion v) {
        if (!(CanonicalJson.read(v.payload()) instanceof Shield s) || s.cause() != Shield.Cause.UPSTREAM_REPAIR) {
            return false;
        }
        Optional<RecordHead> target = ledger.head(s.targetRecordId());
        if (target.isEmpty()) {
            return false;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", EVENT);
        event.put("shieldId", s.shieldId());
        event.put("platform", v.department());
        event.put("recordId", target.get().recordId());
        event.put("dataset", target.get().dataset());
        event.put("businessKey", target.get().businessKey());
        event.put("cause", s.cause().name());
        event.put("effectiveAt", s.effectiveAt() == null ? null : s.effectiveAt().toString());
        event.put("decisionRef", s.decisionRef());
        event.put("receivedAt", v.receivedAt().toString());
        try {
            events.send(target.get().department(), EVENT + ":" + s.shieldId(),
                    CanonicalJson.mapper().writeValueAsString(event));
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        } catch (Exception e) {
            LOG.error("Could not tell department {} that {} repaired record {} (shield {}): {}",
                    target.get().department(), v.department(), target.get().recordId(), s.shieldId(), e.toString());
            return false;
        }
    }
}
