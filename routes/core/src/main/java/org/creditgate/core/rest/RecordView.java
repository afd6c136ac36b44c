package org.creditgate.core.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.core.objection.ObjectionEvents;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Penalty;

/** Shapes ledger content for the API (stored JSON columns are embedded as JSON, not as strings). */
final class RecordView {

    private RecordView() {
    }

    static Map<String, Object> of(Ledger ledger, RecordHead head) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", head.recordId());
        m.put("dataset", head.dataset());
        m.put("department", head.department());
        m.put("state", head.state());
        // the OBJECTION_PENDING overlay: labelled, still shared and published, joint punishment suspended
        List<ObjectionEntry> objections = ledger.objectionsOf(head.recordId());
        boolean pending = objections.stream().anyMatch(ObjectionEntry::pending);
        m.put("objectionPending", pending);
        m.put("jointPunishmentSuspended", pending);
        m.put("objections", objections.stream().map(o -> ObjectionEvents.view(o, o.overdueAlertedAt() != null)).toList());
        m.put("currentVersion", head.currentVersion());
        m.put("updatedAt", head.updatedAt());
        List<Map<String, Object>> versions = new ArrayList<>();
        for (int v = head.currentVersion(); v >= 1; v--) {
            ledger.version(head.recordId(), v).ifPresent(rv -> versions.add(version(rv)));
        }
        m.put("versions", versions);
        m.put("history", ledger.history(head.recordId()));
        // where each version is on its way to each upstream platform, with batch, receipt and error
        m.put("deliveries", ledger.deliveries(head.recordId()));
        legalRepLink(ledger, head).ifPresent(link -> m.put("legalRepLink", link));
        return m;
    }

    /**
     * The legal-representative link (domain.md §6.4) of a record, the same on both sides: the organisation record,
     * the person record derived from it, the relation and the person record's state.
     */
    static Optional<Map<String, Object>> legalRepLink(Ledger ledger, RecordHead head) {
        if (!"PENALTY".equals(head.dataset()) && !"LIST".equals(head.dataset())) {
            return Optional.empty();
        }
        Optional<CreditRecord> current = current(ledger, head);
        Optional<String> organisation = current.flatMap(LegalRepLink::organisationRecordId);
        Optional<RecordHead> person = organisation.isPresent() ? Optional.of(head)
                : ledger.head(LegalRepLink.linkedRecordId(head.recordId()));
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Optional<CreditRecord> personRecord = organisation.isPresent() ? current : current(ledger, person.get());
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("organisationRecordId", organisation.orElse(head.recordId()));
        link.put("personRecordId", person.get().recordId());
        link.put("relation", personRecord.map(RecordView::relationLabel).orElse(null));
        link.put("personState", person.get().state());
        return Optional.of(link);
    }

    /**
     * Who may read a record through the department API: its sender, and for a person record the gateway linked to
     * an organisation record, the organisation record's sender.
     */
    static String owner(Ledger ledger, RecordHead head) {
        if (!ShieldIssuer.GATEWAY.equals(head.department())) {
            return head.department();
        }
        return current(ledger, head).flatMap(LegalRepLink::organisationRecordId).flatMap(ledger::head)
                .map(RecordHead::department).orElse(head.department());
    }

    private static Optional<CreditRecord> current(Ledger ledger, RecordHead head) {
        return ledger.version(head.recordId(), head.currentVersion()).map(v -> CanonicalJson.read(v.payload()));
    }

    /** The relation's national label, from a linked record. */
    private static String relationLabel(CreditRecord r) {
        LegalRepLink.Relation rel = r instanceof Penalty p ? p.relation() : r instanceof ListEntry l ? l.relation()
                : null;
        return rel == null ? null : rel.label();
    }

    private static Map<String, Object> version(RecordVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("op", v.op());
        m.put("state", v.state());
        m.put("receivedAt", v.receivedAt());
        m.put("warnings", embedded(v.warnings()));
        m.put("record", embedded(v.payload()));
        return m;
    }

    static Map<String, Object> rejection(Rejection r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("receivedAt", r.receivedAt());
        m.put("dataset", r.dataset());
        m.put("senderRef", r.senderRef());
        m.put("errors", embedded(r.errors()));
        m.put("payload", embedded(r.payload()));
        return m;
    }

    private static JsonNode embedded(String json) {
        try {
            return ApiJson.MAPPER.readTree(json == null ? "null" : json);
        } catch (JsonProcessingException e) {
            // stored by the gateway itself, so this means a damaged row: show it as text rather than fail the page
            return ApiJson.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
