package org.creditgate.core.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.ingest.IngestGateway;

/** {@code creditgate:objections} — pending objections (异议) with their provider and due date; overdue ones flagged. */
@Service
@Command(scope = "creditgate", name = "objections", description = "Lists pending objections (joint punishment "
        + "suspended): record, providing department, due date and whether the verification is overdue")
public class ObjectionsCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Option(name = "--overdue", description = "Only objections past their due date (the alert list)")
    private boolean overdue;

    @Option(name = "--all", description = "Verified objections too")
    private boolean all;

    @Option(name = "--provider", description = "Only objections this department verifies")
    private String provider;

    @Override
    public Object execute() throws Exception {
        List<Map<String, Object>> rows = overdue ? gateway.objections().overdue()
                : gateway.objections().list(provider, !all, 1000);
        ShellTable table = new ShellTable();
        table.column("Objection");
        table.column("Record");
        table.column("Provider");
        table.column("Forwarded");
        table.column("Due");
        table.column("Status");
        table.column("Overdue");
        table.column("Alerted at");
        rows.stream().filter(r -> provider == null || provider.equals(r.get("provider")))
                .forEach(r -> table.addRow().addContent(r.get("objectionId"), r.get("targetRecordId"),
                        r.get("provider"), r.get("forwardedOn"), r.get("dueOn"), r.get("status"), r.get("overdue"),
                        r.get("overdueAlertedAt")));
        table.print(System.out);
        System.out.println(rows.size() + " objection(s)" + (overdue ? " overdue" : all ? "" : " pending"));
        return null;
    }
}
