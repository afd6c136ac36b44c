package org.creditgate.core.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.lineage.Lineage;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;

/**
 * A record's {@link Lineage} as the shell prints it: a header, then one table per leg. The masking is the
 * lineage's own; nothing here reads the ledger beyond {@link Lineage#of}.
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
        print(Lineage.of(ledger, head, channels), out);
    }

    static void print(Lineage l, PrintStream out) {
        out.println("Record " + l.recordId() + " [" + l.dataset() + "] " + l.state() + ", version "
                + l.currentVersion() + ", updated " + l.updatedAt());
        if (l.subject() != null) {
            out.println("  subject: " + l.subject());
        }
        out.println("  department: " + l.department() + ", channel: " + (l.channels().isEmpty()
                ? "REST API /api/v1/records (no source connector)" : String.join(", ", l.channels())));
        versions(l, out);
        history(l, out);
        deliveries(l, out);
        shields(l, out);
        objections(l, out);
    }

    private static void versions(Lineage l, PrintStream out) {
        ShellTable t = table("Version", "Op", "State", "Received", "Warnings");
        l.versions().forEach(x -> t.addRow().addContent(x.version(), x.op(), x.state(), x.receivedAt(), x.warnings()));
        section(out, "Versions", t);
    }

    private static void history(Lineage l, PrintStream out) {
        ShellTable t = table("At", "Version", "Event", "Detail");
        l.history().forEach(e -> t.addRow().addContent(e.at(), e.version(), e.event(), text(e.detail())));
        section(out, "History", t);
    }

    private static void deliveries(Lineage l, PrintStream out) {
        if (l.deliveries().isEmpty()) {
            out.println("Deliveries: none (not routed to any upstream yet)");
            return;
        }
        ShellTable t = table("Upstream", "Version", "State", "Batch", "Receipt", "Queued", "Updated", "Error");
        l.deliveries().forEach(d -> t.addRow().addContent(d.upstream(), d.version(), d.state(), text(d.batchId()),
                text(d.receiptId()), d.queuedAt(), d.updatedAt(), text(d.error())));
        section(out, "Deliveries", t);
    }

    private static void shields(Lineage l, PrintStream out) {
        if (l.shields().isEmpty()) {
            out.println("Shields: none");
            return;
        }
        ShellTable t = table("Shield", "Cause", "Decision", "Effective", "Platform", "Dispatched", "Acked", "Receipt");
        for (Lineage.ShieldTrail s : l.shields()) {
            if (s.dispatches().isEmpty()) {
                t.addRow().addContent(s.shieldId(), s.cause(), text(s.decisionRef()), text(s.effectiveAt()),
                        "(local only)", "", "", "");
            }
            for (Lineage.Dispatch d : s.dispatches()) {
                t.addRow().addContent(s.shieldId(), s.cause(), text(s.decisionRef()), text(s.effectiveAt()),
                        d.upstream(), text(d.dispatchedAt()), text(d.ackedAt()), text(d.receiptId()));
            }
        }
        section(out, "Shields", t);
    }

    private static void objections(Lineage l, PrintStream out) {
        if (l.objections().isEmpty()) {
            out.println("Objections: none");
            return;
        }
        ShellTable t = table("Objection", "Provider", "Forwarded", "Due", "Status", "Result on");
        l.objections().forEach(o -> t.addRow().addContent(o.objectionId(), o.provider(), o.forwardedOn(), o.dueOn(),
                o.status(), text(o.resultOn())));
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
