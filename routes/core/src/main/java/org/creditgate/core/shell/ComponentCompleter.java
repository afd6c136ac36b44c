package org.creditgate.core.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestGateway;

/** Tab completion of what pause, resume and drain take: connector ids, then upstream ids. */
@Service
public class ComponentCompleter implements Completer {

    @Reference
    private IngestGateway gateway;

    @Reference
    private RoutingTable routing;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (ConnectorInstance i : gateway.connectors().list()) {
            ids.getStrings().add(i.descriptor().id());
        }
        try {
            ids.getStrings().addAll(routing.current().upstreams().keySet());
        } catch (IllegalStateException invalidTable) {
            // connectors only while the table is invalid
        }
        return ids.complete(session, commandLine, candidates);
    }
}
