package org.creditgate.core.delivery;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;

/**
 * Where an objection's status goes (domain.md §6.2: "status update" upstream): to the upstreams that take the
 * OBJECTION dataset (routing table) AND hold the contested record or have it queued — a platform that never
 * received the record has nothing to label. The objection must not overtake the record it refers to: while the
 * record is still waiting for an upstream's push window, the objection waits on the same (scheduled) lane.
 */
final class ObjectionRouting {

    private static final Set<DeliveryState> HOLDING_OR_QUEUED = EnumSet.of(DeliveryState.QUEUED, DeliveryState.SENT,
            DeliveryState.ACCEPTED, DeliveryState.UNKNOWN);

    private ObjectionRouting() {
    }

    /** The routed upstreams that hold (or will hold) some version of the contested record, in table order. */
    static Set<String> holders(Set<String> routed, List<Delivery> targetDeliveries) {
        Set<String> out = new LinkedHashSet<>();
        for (String upstream : routed) {
            if (targetDeliveries.stream().anyMatch(d -> d.upstream().equals(upstream)
                    && HOLDING_OR_QUEUED.contains(d.state()))) {
                out.add(upstream);
            }
        }
        return out;
    }

    /** The contested record still waits on this upstream's queue: the objection must queue behind it. */
    static boolean targetWaiting(List<Delivery> targetDeliveries, String upstream) {
        return targetDeliveries.stream().anyMatch(d -> d.upstream().equals(upstream)
                && d.state() == DeliveryState.QUEUED);
    }
}
