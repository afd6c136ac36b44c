package org.creditgate.core.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.reconcile.Counts;
import org.creditgate.core.reconcile.Discrepancy;
import org.creditgate.core.reconcile.ReconciliationReport;

/**
 * {@code creditgate:reconcile [upstream]} — reconciles one upstream (or every upstream with a sink) now, as the daily
 * run would, and prints the counts and every discrepancy with the action taken.
 */
@Service
@Command(scope = "creditgate", name = "reconcile", description = "Reconciles an upstream now (all with a sink when "
        + "none given): ledger vs the upstream's holdings, resends what is missing, prints the report")
public class ReconcileCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Reference
    private Session session;

    @Argument(index = 0, name = "upstream", description = "Upstream id (province, national, creditchina, gsxt)")
    @Completion(UpstreamCompleter.class)
    private String upstream;

    @Override
    public Object execute() {
        String trigger = "operator " + session.get("USER");
        List<ReconciliationReport> reports = upstream == null ? gateway.reconciler().runAll(trigger)
                : List.of(gateway.reconciler().run(upstream, trigger));
        for (ReconciliationReport r : reports) {
            Counts t = r.totals();
            System.out.println(r.upstream() + " at " + r.runAt() + ": " + r.status()
                    + (r.error() == null ? "" : " — " + r.error()));
            System.out.println("  sent " + t.sent() + ", accepted " + t.accepted() + ", held " + t.held()
                    + ", missing " + t.missing() + ", version mismatch " + t.versionMismatch() + ", unknown to us "
                    + t.unknownToUs() + ", unknown receipt " + t.unknownReceipt() + "; resent " + t.resent()
                    + ", settled " + t.settled() + ", dead-lettered " + t.deadLettered());
            if (!r.discrepancies().isEmpty()) {
                ShellTable table = new ShellTable();
                table.column("Dataset");
                table.column("Record");
                table.column("Kind");
                table.column("Ours").alignRight();
                table.column("Theirs").alignRight();
                table.column("Action");
                table.column("Tries").alignRight();
                for (Discrepancy d : r.discrepancies()) {
                    table.addRow().addContent(d.dataset(), d.recordId(), d.kind(), d.ourVersion(), d.theirVersion(),
                            d.action(), d.tries());
                }
                table.print(System.out);
            }
            r.alerts().forEach(a -> System.out.println("  ALERT " + a));
        }
        if (reports.isEmpty()) {
            System.out.println("No sink connector is running: nothing to reconcile");
        }
        return null;
    }
}
