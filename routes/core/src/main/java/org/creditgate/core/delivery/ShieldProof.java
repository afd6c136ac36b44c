package org.creditgate.core.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.Masking;

/**
 * The proof document of one shield (GET /api/v1/shields/{shieldId}): what was shielded, why, by whom, and per
 * platform when the shield was queued, dispatched and acknowledged with the platform's receipt id; plus the
 * versions of the record that were never sent because the shield came first (SUPPRESSED).
 */
public final class ShieldProof {

    private ShieldProof() {
    }

    private static final String UPSTREAM_REPAIR = "UPSTREAM_REPAIR";

    /** Per-platform state in the proof. */
    enum State {
        QUEUED, DISPATCHED, ACKED, REJECTED
    }

    public static Optional<Map<String, Object>> of(Ledger ledger, String shieldId) {
        return ledger.shield(shieldId).map(s -> document(ledger, s));
    }

    static Map<String, Object> document(Ledger ledger, ShieldEntry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shieldId", s.shieldId());
        m.put("shieldRecordId", s.recordId());
        m.put("targetRecordId", s.targetRecordId());
        m.put("targetDataset", s.targetDataset());
        m.put("cause", s.cause());
        m.put("decisionRef", Masking.inText(s.decisionRef()));
        m.put("effectiveAt", s.effectiveAt());
        m.put("source", s.source());
        m.put("recordedAt", s.createdAt());
        if (UPSTREAM_REPAIR.equals(s.cause())) {
            // the platform that repaired the record is where the shield came from, never one it is sent to
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("platform", s.source());
            origin.put("receivedAt", s.createdAt());
            m.put("origin", origin);
        }
        m.put("targetState", ledger.head(s.targetRecordId()).map(RecordHead::state).orElse(null));
        List<Map<String, Object>> platforms = new ArrayList<>();
        boolean complete = true;
        for (ShieldDispatch d : ledger.shieldDispatches(s.shieldId())) {
            platforms.add(platform(d));
            complete &= d.acked();
        }
        m.put("platforms", platforms);
        m.put("complete", complete);
        List<Map<String, Object>> suppressed = new ArrayList<>();
        for (Delivery d : ledger.deliveries(s.targetRecordId())) {
            if (d.state() == DeliveryState.SUPPRESSED) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("upstream", d.upstream());
                x.put("version", d.version());
                x.put("at", d.updatedAt());
                suppressed.add(x);
            }
        }
        m.put("suppressed", suppressed);
        return m;
    }

    static Map<String, Object> platform(ShieldDispatch d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("upstream", d.upstream());
        p.put("state", state(d));
        p.put("targetVersion", d.targetVersion());
        p.put("queuedAt", d.queuedAt());
        p.put("dispatchedAt", d.dispatchedAt());
        p.put("ackedAt", d.ackedAt());
        p.put("receiptId", d.receiptId());
        p.put("error", d.error());
        p.put("resends", d.resends());
        p.put("lastResentAt", d.lastResentAt());
        p.put("alertedAt", d.alertedAt());
        return p;
    }

    static State state(ShieldDispatch d) {
        if (d.acked()) {
            return State.ACKED;
        }
        if (d.error() != null) {
            return State.REJECTED;
        }
        return d.dispatchedAt() == null ? State.QUEUED : State.DISPATCHED;
    }

    /** The open dispatches (not acknowledged), oldest first, as the pending list shows them. */
    public static List<Map<String, Object>> pending(Ledger ledger, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ShieldDispatch d : ledger.openShieldDispatches(limit)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("shieldId", d.shieldId());
            p.putAll(platform(d));
            out.add(p);
        }
        return out;
    }
}
