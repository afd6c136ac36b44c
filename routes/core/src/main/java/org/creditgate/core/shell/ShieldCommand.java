package org.creditgate.core.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.delivery.ShieldProof;
import org.creditgate.ledger.Ledger;

/** {@code creditgate:shield <shieldId>} — a shield's proof (屏蔽证明), the document of GET /api/v1/shields/{id}. */
@Service
@Command(scope = "creditgate", name = "shield", description = "Shows a shield's proof: target, cause, decision, and "
        + "per platform when it was queued, dispatched and acknowledged, the receipt id, resends and SLA alert "
        + "(the same document as GET /api/v1/shields/{shieldId})")
public class ShieldCommand implements Action {

    @Reference
    private Ledger ledger;

    @Argument(index = 0, name = "shieldId", description = "The shield's id (as the department or operator issued "
            + "it; UP-<platform>-<id> for an upstream's own repair)", required = true)
    private String shieldId;

    @Override
    public Object execute() {
        Map<String, Object> proof = ShieldProof.of(ledger, shieldId).orElse(null);
        if (proof == null) {
            System.out.println("No shield " + shieldId);
            return null;
        }
        System.out.println("Shield " + proof.get("shieldId") + " (" + proof.get("cause") + ") of record "
                + proof.get("targetRecordId") + " [" + proof.get("targetDataset") + "], now "
                + proof.get("targetState"));
        System.out.println("  decision " + proof.get("decisionRef") + ", effective " + proof.get("effectiveAt")
                + ", from " + proof.get("source") + ", recorded " + proof.get("recordedAt"));
        if (proof.get("origin") instanceof Map<?, ?> origin) {
            System.out.println("  repaired upstream by " + origin.get("platform") + ": never sent back there");
        }
        ShellTable table = new ShellTable();
        for (String c : List.of("Platform", "State", "Version", "Queued", "Dispatched", "Acked", "Receipt", "Resends",
                "Alerted", "Error")) {
            table.column(c);
        }
        List<?> platforms = (List<?>) proof.get("platforms");
        for (Object o : platforms) {
            Map<?, ?> p = (Map<?, ?>) o;
            table.addRow().addContent(p.get("upstream"), p.get("state"), p.get("targetVersion"), text(p.get("queuedAt")),
                    text(p.get("dispatchedAt")), text(p.get("ackedAt")), text(p.get("receiptId")), p.get("resends"),
                    text(p.get("alertedAt")), text(p.get("error")));
        }
        table.print(System.out);
        for (Object o : (List<?>) proof.get("suppressed")) {
            Map<?, ?> s = (Map<?, ?>) o;
            System.out.println("  version " + s.get("version") + " never sent to " + s.get("upstream")
                    + " (SUPPRESSED at " + s.get("at") + ")");
        }
        System.out.println(Boolean.TRUE.equals(proof.get("complete"))
                ? "Complete: acknowledged by all " + platforms.size() + " platform(s)"
                : "Incomplete: " + platforms.stream().filter(p -> !"ACKED".equals(String.valueOf(((Map<?, ?>) p)
                        .get("state")))).count() + " of " + platforms.size() + " platform(s) not acknowledged");
        return null;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
