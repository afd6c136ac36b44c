package org.creditgate.core.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Objection;
import org.creditgate.model.Shield;
import org.creditgate.model.routing.PushSchedule;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.ShieldItem;
import org.creditgate.ledger.ShieldEntry;

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
    /** Exchange property (shields): upstream id → the shielded version it holds ({@code recordId:version}). */
    static final String SHIELD_TARGETS = "cgShieldTargets";

    private final RoutingTable routing;
    private final Ledger ledger;
    private final Clock clock;
    private volatile Consumer<ShieldEntry> shieldApplied = s -> { };

    public FanOut(RoutingTable routing, Ledger ledger, Clock clock) {
        this.routing = routing;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Told about each shield after the ledger applied it again (the shield cache; see IngestPipeline's hook). */
    public FanOut onShieldApplied(Consumer<ShieldEntry> hook) {
        this.shieldApplied = hook;
        return this;
    }

    /** Body in: the canonical JSON; body out: the upstream ids (possibly none). */
    public void route(Exchange exchange) throws InvalidPayloadException {
        exchange.removeProperty(SHIELD_TARGETS);
        Message in = exchange.getMessage();
        String payload = in.getMandatoryBody(String.class);
        String recordId = in.getHeader(GatewayHeaders.RECORD_ID, String.class);
        int version = in.getHeader(GatewayHeaders.VERSION, Integer.class);
        CreditRecord record = CanonicalJson.read(payload);
        UpstreamRouting table = routing.current();
        if (record instanceof Shield shield) {
            routeShield(exchange, shield, recordId, version, table);
            return;
        }
        Set<String> targets = table.targets(record);
        if (version > 1 && !targets.isEmpty()) {
            // a platform where the record was shielded alone (its own period ended) does not get it again
            targets = new java.util.LinkedHashSet<>(targets);
            targets.removeAll(ledger.shieldedPlatforms(recordId));
        }
        List<Delivery> contested = record instanceof Objection o ? ledger.deliveries(o.targetRecordId()) : null;
        if (contested != null) {
            targets = ObjectionRouting.holders(targets, contested);
        }
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
                    && (contested == null || !ObjectionRouting.targetWaiting(contested, upstream))
                    ? GatewayAddresses.realtime(upstream) : GatewayAddresses.upstream(upstream));
        }
        ledger.queueDeliveries(deliveries);
        exchange.setProperty(PAYLOAD, payload);
        exchange.setProperty(QUEUES, queues);
        in.setBody(new ArrayList<>(targets));
    }

    /**
     * A shield goes to exactly the platforms that hold some version of its record, on their real-time lanes (it
     * must not wait behind a backlog, domain.md §5.2). Applies the shield in the ledger first (idempotent: ingest
     * already did, this covers a crash in between): the target becomes SHIELDED and its still-QUEUED versions
     * SUPPRESSED, so the lanes drop them instead of sending them after the shield.
     *
     * <p>Who holds it: an upstream with a delivery of any version SENT, ACCEPTED or UNKNOWN (it has, or may have,
     * received it). An upstream whose only deliveries were QUEUED never received the record: those versions are
     * SUPPRESSED and it gets no shield (it would refuse one for a record it does not hold). REJECTED and SUPPRESSED
     * versions do not count. The shield names the highest version each upstream was sent. The platform the shield
     * came from (an upstream's own repair, {@code UPSTREAM_REPAIR}) never gets it back. A shield that names its
     * {@code targets} goes only to those of the holders (an EXPIRED shield: the platforms whose period has ended).
     */
    private void routeShield(Exchange exchange, Shield shield, String recordId, int version, UpstreamRouting table)
            throws InvalidPayloadException {
        Message in = exchange.getMessage();
        String source = in.getHeader(GatewayHeaders.DEPARTMENT, String.class);
        ShieldEntry applied = ShieldEntries.apply(ledger, shield, recordId, source == null ? "unknown" : source,
                clock.instant());
        if (shield.scope() == Shield.Scope.RECORD) {
            shieldApplied.accept(applied); // a platform-only shield leaves the record unshielded here
        }
        Map<String, Integer> held = new TreeMap<>();
        for (Delivery d : ledger.deliveries(shield.targetRecordId())) {
            if (HOLDING.contains(d.state()) && table.upstreams().containsKey(d.upstream())
                    && !d.upstream().equals(source)
                    && (shield.targets().isEmpty() || shield.targets().contains(d.upstream()))) {
                held.merge(d.upstream(), d.version(), Math::max);
            }
        }
        List<Delivery> deliveries = new ArrayList<>(held.size());
        Map<String, String> queues = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        held.forEach((upstream, v) -> {
            deliveries.add(Delivery.queued(recordId, version, upstream, clock.instant()));
            queues.put(upstream, GatewayAddresses.realtime(upstream));
            targets.put(upstream, ShieldItem.format(new DeliveryRef(shield.targetRecordId(), v)));
        });
        ledger.queueDeliveries(deliveries);
        ledger.queueShieldDispatches(shield.shieldId(), held, clock.instant());
        exchange.setProperty(PAYLOAD, in.getMandatoryBody(String.class));
        exchange.setProperty(QUEUES, queues);
        exchange.setProperty(SHIELD_TARGETS, targets);
        in.setBody(new ArrayList<>(held.keySet()));
    }

    private static final Set<DeliveryState> HOLDING = java.util.EnumSet.of(DeliveryState.SENT,
            DeliveryState.ACCEPTED, DeliveryState.UNKNOWN);

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
        @SuppressWarnings("unchecked")
        Map<String, String> shieldTargets = exchange.getProperty(SHIELD_TARGETS, Map.class);
        if (shieldTargets != null) {
            m.setHeader(GatewayHeaders.SHIELD_TARGET, shieldTargets.get(upstream));
        }
    }
}
