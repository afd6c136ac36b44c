package org.creditgate.core.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.HistoryEvent;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Masking;
import org.creditgate.model.Subject;

/**
 * A record's lineage (数据血缘) as the shell prints it: department → gateway → each upstream, from the ledger only —
 * versions, history, deliveries with batch and receipt, shields with their acknowledgements, objections. Personal ID
 * numbers appear masked; free text written by others (upstream errors, history notes) goes through
 * {@link Masking#inText}.
 */
final class LineageView {

    private final Ledger ledger;
    private final Function<String, List<String>> channels;

    /** {@code channels}: a department's source connectors (how its records reach the gateway). */
    LineageView(Ledger ledger, Function<String, List<String>> channels) {
        this.ledger = ledger;
        this.channels = channels;
    }

    void print(RecordHead head, PrintStream out) {
        out.println("Record " + head.recordId() + " [" + head.dataset() + "] " + head.state() + ", version "
                + head.currentVersion() + ", updated " + head.updatedAt());
        current(head).map(CreditRecord::subject).ifPresent(s -> out.println("  subject: " + subject(s)));
        List<String> via = channels.apply(head.department());
        out.println("  department: " + head.department() + ", channel: " + (via.isEmpty()
                ? "REST API /api/v1/records (no source connector)" : String.join(", ", via)));
        versions(head, out);
        history(head, out);
        deliveries(head, out);
        shields(head, out);
        objections(head, out);
    }

    private Optional<CreditRecord> current(RecordHead head) {
        try {
            return ledger.version(head.recordId(), head.currentVersion()).map(v -> CanonicalJson.read(v.payload()));
        } catch (RuntimeException unreadable) {
            // a damaged row must not hide the rest of the lineage
            return Optional.empty();
        }
    }

    static String subject(Subject s) {
        String code = s.uscc() != null && !s.uscc().isBlank() ? "USCC " + s.uscc()
                : s.idNo() != null ? "ID " + Masking.idNo(s.idNo()) : "key " + s.key();
        return s.subjectName() + " (" + code + ")";
    }

    private void versions(RecordHead head, PrintStream out) {
        ShellTable t = table("Version", "Op", "State", "Received", "Warnings");
        for (int v = 1; v <= head.currentVersion(); v++) {
            Optional<RecordVersion> rv = ledger.version(head.recordId(), v);
            rv.ifPresent(x -> t.addRow().addContent(x.version(), x.op(), x.state(), x.receivedAt(),
                    Masking.inText(x.warnings())));
        }
        section(out, "Versions", t);
    }

    private void history(RecordHead head, PrintStream out) {
        ShellTable t = table("At", "Version", "Event", "Detail");
        for (HistoryEvent e : ledger.history(head.recordId())) {
            t.addRow().addContent(e.at(), e.version(), e.event(), text(Masking.inText(e.detail())));
        }
        section(out, "History", t);
    }

    private void deliveries(RecordHead head, PrintStream out) {
        ShellTable t = table("Upstream", "Version", "State", "Batch", "Receipt", "Queued", "Updated", "Error");
        List<Delivery> all = ledger.deliveries(head.recordId());
        for (Delivery d : all) {
            t.addRow().addContent(d.upstream(), d.version(), d.state(), text(d.batchId()), text(d.receiptId()),
                    d.queuedAt(), d.updatedAt(), text(Masking.inText(d.error())));
        }
        if (all.isEmpty()) {
            out.println("Deliveries: none (not routed to any upstream yet)");
        } else {
            section(out, "Deliveries", t);
        }
    }

    private void shields(RecordHead head, PrintStream out) {
        List<ShieldEntry> shields = ledger.shieldsOf(head.recordId());
        if (shields.isEmpty()) {
            out.println("Shields: none");
            return;
        }
        ShellTable t = table("Shield", "Cause", "Decision", "Effective", "Platform", "Dispatched", "Acked", "Receipt");
        for (ShieldEntry s : shields) {
            List<ShieldDispatch> dispatches = ledger.shieldDispatches(s.shieldId());
            if (dispatches.isEmpty()) {
                t.addRow().addContent(s.shieldId(), s.cause(), text(s.decisionRef()), text(s.effectiveAt()),
                        "(local only)", "", "", "");
            }
            for (ShieldDispatch d : dispatches) {
                t.addRow().addContent(s.shieldId(), s.cause(), text(s.decisionRef()), text(s.effectiveAt()),
                        d.upstream(), text(d.dispatchedAt()), text(d.ackedAt()), text(d.receiptId()));
            }
        }
        section(out, "Shields", t);
    }

    private void objections(RecordHead head, PrintStream out) {
        List<ObjectionEntry> objections = ledger.objectionsOf(head.recordId());
        if (objections.isEmpty()) {
            out.println("Objections: none");
            return;
        }
        ShellTable t = table("Objection", "Provider", "Forwarded", "Due", "Status", "Result on");
        for (ObjectionEntry o : objections) {
            t.addRow().addContent(o.objectionId(), o.provider(), o.forwardedOn(), o.dueOn(), o.status(),
                    text(o.resultOn()));
        }
        section(out, "Objections", t);
    }

    private static ShellTable table(String... columns) {
        ShellTable t = new ShellTable();
        for (String c : columns) {
            t.column(c);
        }
        return t;
    }

    private static void section(PrintStream out, String title, ShellTable t) {
        out.println(title + ":");
        t.print(out);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
