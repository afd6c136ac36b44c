package org.creditgate.core.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.ingest.IngestGateway;

/** {@code creditgate:connectors} — every connector instance with its state and counters. */
@Service
@Command(scope = "creditgate", name = "connectors", description = "Lists the connector instances: state, counters, "
        + "watermark (the same as GET /api/v1/connectors)")
public class ConnectorsCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Kind");
        table.column("Department");
        table.column("State");
        table.column("Received").alignRight();
        table.column("Accepted").alignRight();
        table.column("Rejected").alignRight();
        table.column("Failed calls").alignRight();
        table.column("Last success");
        table.column("Lag s").alignRight();
        table.column("Watermark");
        table.column("Problem");
        for (ConnectorInstance i : gateway.connectors().list()) {
            Map<String, Object> m = i.metrics().view(gateway.connectors().clock().instant());
            table.addRow().addContent(i.descriptor().id(), i.descriptor().kind(), i.descriptor().department(),
                    i.state(), m.get("received"), m.get("accepted"), m.get("rejected"), m.get("failedCalls"),
                    text(m.get("lastSuccessAt")), text(m.get("lagSeconds")),
                    gateway.connectors().watermark(i.descriptor().id()).orElse(""),
                    i.problem() == null ? "" : i.problem());
        }
        table.print(System.out);
        System.out.println(gateway.connectors().list().size() + " connector(s)");
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

}
