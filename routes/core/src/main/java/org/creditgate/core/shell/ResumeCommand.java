package org.creditgate.core.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code creditgate:resume <connector|upstream>} — undoes {@code creditgate:pause}. */
@Service
@Command(scope = "creditgate", name = "resume", description = "Resumes a paused connector or upstream (a scheduled "
        + "lane starts only inside its push window, as always)")
public class ResumeCommand implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeCommand.class);

    @Reference
    private IngestGateway gateway;

    @Reference
    private RoutingTable routing;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", description = "Connector id or upstream id", required = true)
    @Completion(ComponentCompleter.class)
    private String id;

    @Override
    public Object execute() throws Exception {
        Target target = Target.resolve(gateway, routing, id);
        Object user = session.get("USER");
        if (target.isUpstream()) {
            LOG.info("Upstream {} resumed by {} (shell)", id, user);
            gateway.connectors().resumeUpstream(id);
            System.out.println("Upstream " + id + " RESUMED: lanes " + gateway.connectors()
                    .routeStates(gateway.connectors().laneRoutes(id)));
        } else {
            LOG.info("Connector {} resumed by {} (shell)", id, user);
            gateway.connectors().resume(id);
            System.out.println("Connector " + id + " RUNNING: routes " + gateway.connectors()
                    .routeStates(target.connector().routeIds()));
        }
        return null;
    }
}
