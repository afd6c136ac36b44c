package org.creditgate.core.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.delivery.QueueDepths;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.schedule.PushWindows;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.spi.ConnectorKind;

/**
 * {@code creditgate:upstreams} — each upstream platform: its sink, lanes and their route states, push window, queue
 * depths and the ledger's deliveries by state.
 */
@Service
@Command(scope = "creditgate", name = "upstreams", description = "Lists the upstream platforms: sink connector, lane "
        + "routes and their states, paused or not, push window (open/closed, next opening), messages on the queues "
        + "and the ledger's deliveries by state")
public class UpstreamsCommand implements Action {

    /** Browsing stops here; a larger backlog shows as "≥1000" (the ledger's QUEUED count is exact). */
    private static final int BROWSE_CAP = 1000;

    @Reference
    private IngestGateway gateway;

    @Reference
    private RoutingTable routing;

    @Reference
    private Ledger ledger;

    @Override
    public Object execute() {
        ConnectorRegistry registry = gateway.connectors();
        Map<String, PushWindows.Status> windows = gateway.pushWindows().status().stream()
                .collect(Collectors.toMap(PushWindows.Status::upstream, s -> s));
        ShellTable table = new ShellTable();
        for (String c : List.of("Upstream", "Sink", "State", "Lanes", "Window", "Next opening", "Queue", "Real-time",
                "Deliveries")) {
            table.column(c);
        }
        for (String upstream : upstreams(registry)) {
            List<String> lanes = registry.laneRoutes(upstream);
            PushWindows.Status w = windows.get(upstream);
            String depth;
            String realtime;
            try {
                QueueDepths.Depth d = gateway.queueDepths().upstream(upstream, BROWSE_CAP);
                depth = QueueDepths.Depth.shown(d.scheduled(), BROWSE_CAP);
                realtime = QueueDepths.Depth.shown(d.realtime(), BROWSE_CAP);
            } catch (Exception brokerDown) {
                depth = "?";
                realtime = "?";
            }
            table.addRow().addContent(upstream, sinks(registry, upstream), state(registry, upstream, lanes),
                    registry.routeStates(lanes).entrySet().stream().map(e -> lane(e.getKey()) + "=" + e.getValue())
                            .collect(Collectors.joining(" ")),
                    window(w), w == null || w.nextOpening() == null ? "" : w.nextOpening().toString(), depth, realtime,
                    deliveries(ledger.countDeliveries(upstream)));
        }
        table.print(System.out);
        return null;
    }

    /** The routing table's upstreams and any with a sink, sorted. */
    private TreeSet<String> upstreams(ConnectorRegistry registry) {
        TreeSet<String> ids = new TreeSet<>(registry.sinkUpstreams());
        try {
            ids.addAll(routing.current().upstreams().keySet());
        } catch (IllegalStateException invalidTable) {
            // the sinks still show
        }
        return ids;
    }

    private static String sinks(ConnectorRegistry registry, String upstream) {
        String ids = registry.list().stream().filter(i -> i.descriptor().kind() == ConnectorKind.SINK
                && upstream.equals(i.descriptor().department())).map(ConnectorInstance::descriptor)
                .map(d -> d.id()).collect(Collectors.joining(","));
        return ids.isEmpty() ? "(none)" : ids;
    }

    static String state(ConnectorRegistry registry, String upstream, List<String> lanes) {
        if (lanes.isEmpty()) {
            return "NO SINK";
        }
        return registry.upstreamPaused(upstream) ? "PAUSED" : "RUNNING";
    }

    private static String lane(String route) {
        return route.endsWith("lane-realtime") ? "realtime" : route.endsWith("lane-scheduled") ? "scheduled" : route;
    }

    private static String window(PushWindows.Status w) {
        if (w == null) {
            return "";
        }
        if (!w.windowed()) {
            return "always";
        }
        return (w.open() ? "OPEN until " + w.closesAt() : "closed") + (w.catchUp() ? " (catch-up)" : "")
                + (w.leader() ? "" : " (not leader)");
    }

    /** "ACCEPTED=12 QUEUED=1", states with a count only, in the lifecycle's order. */
    static String deliveries(Map<DeliveryState, Long> counts) {
        String s = java.util.Arrays.stream(DeliveryState.values())
                .map(st -> Optional.ofNullable(counts.get(st)).filter(n -> n > 0).map(n -> st + "=" + n).orElse(null))
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(" "));
        return s.isEmpty() ? "none" : s;
    }
}
