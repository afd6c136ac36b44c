package org.creditgate.core.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.routing.PushSchedule;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Decides, for one accepted record version, which upstreams get a copy (the routing table plus the model's
 * publication regimes), records those deliveries in the ledger as QUEUED, and leaves the upstream ids as the body
 * for the route to send one copy each. Runs inside the consuming JMS transaction: a crash before the commit
 * redelivers the record, the ledger keeps one delivery per upstream, and Artemis duplicate detection
 * (recordId:version:upstream) one copy per queue.
 */
public final class FanOut {

    /** Exchange property holding the record's canonical JSON while the body is the list of upstream ids. */
    public static final String PAYLOAD = "cgPayload";
    /** Exchange property: upstream id → the queue (scheduled or real-time lane) its copy goes to. */
    static final String QUEUES = "cgQueues";
    /** Exchange property inside the split: the queue this copy goes to. */
    public static final String QUEUE = "cgQueue";

    private final RoutingTable routing;
    private final Ledger ledger;
    private final Clock clock;

    public FanOut(RoutingTable routing, Ledger ledger, Clock clock) {
        this.routing = routing;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Body in: the canonical JSON; body out: the upstream ids (possibly none). */
    public void route(Exchange exchange) throws InvalidPayloadException {
        Message in = exchange.getMessage();
        String payload = in.getMandatoryBody(String.class);
        String recordId = in.getHeader(GatewayHeaders.RECORD_ID, String.class);
        int version = in.getHeader(GatewayHeaders.VERSION, Integer.class);
        CreditRecord record = CanonicalJson.read(payload);
        UpstreamRouting table = routing.current();
        Set<String> targets = table.targets(record);
        List<Delivery> deliveries = new ArrayList<>(targets.size());
        Map<String, String> queues = new HashMap<>();
        List<Delivery> earlier = null;
        for (String upstream : targets) {
            deliveries.add(Delivery.queued(recordId, version, upstream, clock.instant()));
            PushSchedule schedule = table.upstreams().get(upstream).schedule();
            boolean realtime = schedule.realtime(record.dataset(), record.meta().op());
            if (realtime && earlier == null) {
                earlier = ledger.deliveries(recordId);
            }
            queues.put(upstream, realtime && !waiting(earlier, upstream, version)
                    ? GatewayAddresses.realtime(upstream) : GatewayAddresses.upstream(upstream));
        }
        ledger.queueDeliveries(deliveries);
        exchange.setProperty(PAYLOAD, payload);
        exchange.setProperty(QUEUES, queues);
        in.setBody(new ArrayList<>(targets));
    }

    /**
     * An older version of the record still waiting for this upstream's window: the correction queues behind it on
     * the same lane (and message group), so it cannot overtake the record it corrects.
     */
    private static boolean waiting(List<Delivery> earlier, String upstream, int version) {
        return earlier.stream().anyMatch(d -> d.upstream().equals(upstream) && d.version() < version
                && d.state() == DeliveryState.QUEUED);
    }

    /** Inside the split: body in is one upstream id; out is the payload addressed to that upstream's queue. */
    public static void address(Exchange exchange) {
        Message m = exchange.getMessage();
        String upstream = m.getBody(String.class);
        m.setHeader(GatewayHeaders.UPSTREAM, upstream);
        m.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, m.getHeader(GatewayHeaders.RECORD_ID) + ":"
                + m.getHeader(GatewayHeaders.VERSION) + ":" + upstream);
        m.setBody(exchange.getProperty(PAYLOAD, String.class));
        @SuppressWarnings("unchecked")
        Map<String, String> queues = exchange.getProperty(QUEUES, Map.class);
        exchange.setProperty(QUEUE, queues == null ? GatewayAddresses.upstream(upstream) : queues.get(upstream));
    }
}
