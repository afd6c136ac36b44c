package org.creditgate.core.lineage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.HistoryEvent;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.ObjectionStatus;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Masking;
import org.creditgate.model.Subject;
import org.creditgate.spi.ConnectorKind;

/**
 * A record's lineage (数据血缘): department → gateway → each upstream, gathered from the ledger only — versions,
 * history, deliveries with batch and receipt, shields with their acknowledgements, objections. The shell prints it,
 * the operator API answers it as JSON.
 * <p>
 * Everything in it may be shown to an operator: the subject's personal ID number is masked ({@link Masking#idNo}),
 * and free text written by others (warnings, upstream errors, history notes) goes through {@link Masking#inText},
 * since it may quote a number anywhere.
 *
 * @param subject  {@code <name> (USCC …)}, {@code <name> (ID <masked>)} or {@code <name> (key …)}; null when the
 *                 current version cannot be read
 * @param channels the department's source connectors, {@code <id> (<type>)}; empty when it pushes to the REST API
 */
public record Lineage(String recordId, String dataset, String department, RecordState state, int currentVersion,
        Instant updatedAt, String subject, List<String> channels, List<Version> versions, List<Event> history,
        List<Leg> deliveries, List<ShieldTrail> shields, List<Objection> objections) {

    /** One stored version; {@code warnings} is the stored JSON array of W_* issues, masked. */
    public record Version(int version, String op, RecordState state, Instant receivedAt, String warnings) {
    }

    /** One step of the record's history. */
    public record Event(Instant at, int version, String event, String detail) {
    }

    /** One version on its way to one upstream platform. */
    public record Leg(String upstream, int version, DeliveryState state, String batchId, String receiptId,
            Instant queuedAt, Instant updatedAt, String error) {
    }

    /** A shield of the record; no dispatches means it stayed local (no platform held the record). */
    public record ShieldTrail(String shieldId, String cause, String decisionRef, Instant effectiveAt,
            List<Dispatch> dispatches) {
    }

    /** A shield handed to one platform, and its acknowledgement. */
    public record Dispatch(String upstream, Instant dispatchedAt, Instant ackedAt, String receiptId) {
    }

    /** An objection (异议) to the record. */
    public record Objection(String objectionId, String provider, LocalDate forwardedOn, LocalDate dueOn,
            ObjectionStatus status, LocalDate resultOn) {
    }

    public Lineage {
        channels = List.copyOf(channels);
        versions = List.copyOf(versions);
        history = List.copyOf(history);
        deliveries = List.copyOf(deliveries);
        shields = List.copyOf(shields);
        objections = List.copyOf(objections);
    }

    /** {@code channels}: a department's source connectors (how its records reach the gateway), see {@link #channels}. */
    public static Lineage of(Ledger ledger, RecordHead head, Function<String, List<String>> channels) {
        String id = head.recordId();
        List<Version> versions = new ArrayList<>();
        for (int v = 1; v <= head.currentVersion(); v++) {
            ledger.version(id, v).ifPresent(x -> versions.add(new Version(x.version(), x.op(), x.state(),
                    x.receivedAt(), Masking.inText(x.warnings()))));
        }
        List<Event> history = ledger.history(id).stream().map(Lineage::event).toList();
        List<Leg> deliveries = ledger.deliveries(id).stream().map(d -> new Leg(d.upstream(), d.version(), d.state(),
                d.batchId(), d.receiptId(), d.queuedAt(), d.updatedAt(), Masking.inText(d.error()))).toList();
        List<ShieldTrail> shields = ledger.shieldsOf(id).stream().map(s -> trail(ledger, s)).toList();
        List<Objection> objections = ledger.objectionsOf(id).stream().map(Lineage::objection).toList();
        return new Lineage(id, head.dataset(), head.department(), head.state(), head.currentVersion(),
                head.updatedAt(), current(ledger, head).map(CreditRecord::subject).map(Lineage::subject).orElse(null),
                channels.apply(head.department()), versions, history, deliveries, shields, objections);
    }

    /** The source connectors of a department as the registry runs them: {@code <id> (<type>)}. */
    public static Function<String, List<String>> channels(ConnectorRegistry registry) {
        return department -> registry.list().stream().map(ConnectorInstance::descriptor)
                .filter(d -> d.kind() == ConnectorKind.SOURCE && d.department().equals(department))
                .map(d -> d.id() + " (" + d.type() + ")").toList();
    }

    /** A subject as it may be shown: the USCC, else the masked ID number, else the gateway's key. */
    public static String subject(Subject s) {
        String code = s.uscc() != null && !s.uscc().isBlank() ? "USCC " + s.uscc()
                : s.idNo() != null ? "ID " + Masking.idNo(s.idNo()) : "key " + s.key();
        return s.subjectName() + " (" + code + ")";
    }

    private static Optional<CreditRecord> current(Ledger ledger, RecordHead head) {
        try {
            return ledger.version(head.recordId(), head.currentVersion()).map(v -> CanonicalJson.read(v.payload()));
        } catch (RuntimeException unreadable) {
            // a damaged row must not hide the rest of the lineage
            return Optional.empty();
        }
    }

    private static Event event(HistoryEvent e) {
        return new Event(e.at(), e.version(), e.event(), Masking.inText(e.detail()));
    }

    private static ShieldTrail trail(Ledger ledger, ShieldEntry s) {
        return new ShieldTrail(s.shieldId(), s.cause(), Masking.inText(s.decisionRef()), s.effectiveAt(), ledger
                .shieldDispatches(s.shieldId()).stream()
                .map(d -> new Dispatch(d.upstream(), d.dispatchedAt(), d.ackedAt(), d.receiptId())).toList());
    }

    private static Objection objection(ObjectionEntry o) {
        return new Objection(o.objectionId(), o.provider(), o.forwardedOn(), o.dueOn(), o.status(), o.resultOn());
    }
}
