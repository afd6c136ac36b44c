package org.creditgate.core.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.creditgate.core.delivery.RoutingTable;

/** Tab completion of upstream ids, from the routing table in force. */
@Service
public class UpstreamCompleter implements Completer {

    @Reference
    private RoutingTable routing;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        try {
            ids.getStrings().addAll(routing.current().upstreams().keySet());
        } catch (IllegalStateException invalidTable) {
            // nothing to offer while the table is invalid
        }
        return ids.complete(session, commandLine, candidates);
    }
}
