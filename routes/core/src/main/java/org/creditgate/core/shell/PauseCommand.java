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

/**
 * {@code creditgate:pause <connector|upstream>} — the same pause as POST /api/v1/connectors/{id}/pause for a
 * connector; for an upstream, its lanes stop taking from its queues (the messages stay there, durable).
 */
@Service
@Command(scope = "creditgate", name = "pause", description = "Pauses a connector (its routes stop after the work in "
        + "flight; a source is not read) or an upstream (its lanes stop taking from its queues; what is queued stays "
        + "durable and keeps growing) until creditgate:resume")
public class PauseCommand implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(PauseCommand.class);

    @Reference
    private IngestGateway gateway;

    @Reference
    private RoutingTable routing;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", description = "Connector id (e.g. rest-scjgj, envelope-province) or upstream id "
            + "(province, national, creditchina, gsxt)", required = true)
    @Completion(ComponentCompleter.class)
    private String id;

    @Override
    public Object execute() throws Exception {
        Target target = Target.resolve(gateway, routing, id);
        Object user = session.get("USER");
        if (target.isUpstream()) {
            LOG.info("Upstream {} paused by {} (shell)", id, user);
            gateway.connectors().pauseUpstream(id);
            System.out.println("Upstream " + id + " PAUSED: lanes " + gateway.connectors().laneRoutes(id)
                    + " stopped; its queues keep what arrives until creditgate:resume " + id);
        } else {
            LOG.info("Connector {} paused by {} (shell)", id, user);
            gateway.connectors().pause(id);
            System.out.println("Connector " + id + " PAUSED: routes " + target.connector().routeIds()
                    + " stopped until creditgate:resume " + id);
        }
        return null;
    }
}
