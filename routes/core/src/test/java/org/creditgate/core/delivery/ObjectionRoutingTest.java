package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.junit.jupiter.api.Test;

/** An objection's status goes only to routed upstreams holding the record, and never ahead of it. */
class ObjectionRoutingTest {

    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    private static Delivery d(int version, String upstream, DeliveryState state) {
        return new Delivery("r1", version, upstream, state, null, null, null, T, T);
    }

    @Test
    void onlyRoutedUpstreamsThatHoldOrWillHoldTheRecord() {
        List<Delivery> contested = List.of(d(1, "province", DeliveryState.ACCEPTED), d(1, "national",
                DeliveryState.REJECTED), d(1, "creditchina", DeliveryState.SUPPRESSED), d(2, "gsxt",
                        DeliveryState.QUEUED));
        assertThat(ObjectionRouting.holders(new LinkedHashSet<>(List.of("province", "national", "creditchina",
                "gsxt", "other")), contested)).containsExactly("province", "gsxt");
        assertThat(ObjectionRouting.holders(new LinkedHashSet<>(List.of("national")), contested)).isEmpty();
    }

    @Test
    void waitsBehindTheRecordWhileItIsStillQueued() {
        List<Delivery> contested = List.of(d(1, "province", DeliveryState.ACCEPTED), d(1, "gsxt", DeliveryState.QUEUED));
        assertThat(ObjectionRouting.targetWaiting(contested, "gsxt")).isTrue();
        assertThat(ObjectionRouting.targetWaiting(contested, "province")).isFalse();
    }
}
