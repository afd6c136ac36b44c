package org.creditgate.core.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.connectors.Drain;
import org.creditgate.core.delivery.QueueDepths;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code creditgate:drain [--timeout s] <connector|upstream>} — for an upstream (or the sink delivering to it): waits,
 * printing progress, until everything queued for it went out; for a source connector: stops reading its source and
 * returns once the batches in flight are stored (the connector stays paused).
 */
@Service
@Command(scope = "creditgate", name = "drain", description = "Drains an upstream or a connector: for an upstream "
        + "(or its sink) waits until its queues are empty or the timeout, printing progress; for a source connector "
        + "stops reading and waits for the work in flight (it stays paused until creditgate:resume)")
public class DrainCommand implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(DrainCommand.class);
    /** Browsing stops here: past it the count shows as "≥ cap" and the drain still waits for zero. */
    private static final int BROWSE_CAP = 10_000;

    @Reference
    private IngestGateway gateway;

    @Reference
    private RoutingTable routing;

    @Reference
    private Ledger ledger;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", description = "Connector id or upstream id", required = true)
    @Completion(ComponentCompleter.class)
    private String id;

    @Option(name = "--timeout", description = "Seconds to wait at most (default 300)")
    private int timeoutSeconds = 300;

    @Option(name = "--every", description = "Milliseconds between progress readings (default 1000)")
    private int everyMillis = 1000;

    @Override
    public Object execute() throws Exception {
        Target target = Target.resolve(gateway, routing, id);
        ConnectorRegistry registry = gateway.connectors();
        LOG.info("Drain of {} started by {} (shell)", id, session.get("USER"));
        if (target.upstream().isEmpty()) {
            List<String> routes = target.connector().routeIds();
            System.out.println("Connector " + id + ": " + registry.inflight(routes) + " exchange(s) in flight; "
                    + "stopping its routes after them");
            registry.pause(id);
            System.out.println("Connector " + id + " drained: PAUSED, " + registry.inflight(routes)
                    + " in flight; creditgate:resume " + id + " reads its source again");
            return null;
        }
        String upstream = target.upstream().get();
        List<String> lanes = registry.laneRoutes(upstream);
        Map<String, String> states = registry.routeStates(lanes);
        if (lanes.isEmpty() || states.values().stream().anyMatch(s -> !"Started".equals(s))) {
            System.out.println("Upstream " + upstream + " cannot drain: lanes " + states + (registry
                    .upstreamPaused(upstream) ? " (paused: creditgate:resume " + upstream + ")"
                            : " (a paused sink, or a push window that is closed: creditgate:upstreams)"));
            return null;
        }
        QueueDepths depths = gateway.queueDepths();
        Drain.Result r = Drain.of(() -> {
            QueueDepths.Depth d = depths.upstream(upstream, BROWSE_CAP);
            return new Drain.Remaining(d.scheduled(), d.realtime(),
                    ledger.countDeliveries(upstream).getOrDefault(DeliveryState.QUEUED, 0L), registry.inflight(lanes));
        }).await(Duration.ofSeconds(Math.max(1, timeoutSeconds)), Duration.ofMillis(Math.max(100, everyMillis)),
                remaining -> {
                    System.out.println("  " + upstream + ": " + remaining);
                    System.out.flush();
                });
        System.out.println(r.drained() ? "Upstream " + upstream + " drained in " + r.took().toSeconds() + " s"
                : "Upstream " + upstream + " NOT drained after " + r.took().toSeconds() + " s: " + r.last());
        return null;
    }
}
