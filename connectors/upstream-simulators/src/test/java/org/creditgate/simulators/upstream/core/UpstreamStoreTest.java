package org.creditgate.simulators.upstream.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class UpstreamStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final EnvelopeHeader DATA = header("m1", "DATA");
    private static final EnvelopeHeader SHIELD = header("m2", "SHIELD");

    private final UpstreamStore store = new UpstreamStore();

    @Test
    void countsDuplicatesByRecordIdAndVersionAndKeepsTheLatestHolding() {
        store.add(DATA, item("r1", 1, "ADD", "91350100M000100Y43"), T0);
        store.add(DATA, item("r1", 1, "ADD", "91350100M000100Y43"), T0.plusSeconds(1));
        store.add(DATA, item("r1", 2, "UPDATE", "91350100M000100Y43"), T0.plusSeconds(2));
        store.add(DATA, item("r1", 1, "ADD", "91350100M000100Y43"), T0.plusSeconds(3));
        store.add(DATA, item("r2", 1, "ADD", "913501007000000001"), T0.plusSeconds(4));

        assertThat(store.data()).hasSize(5).extracting(StoredItem::duplicate)
                .containsExactly(false, true, false, true, false);
        assertThat(store.duplicates()).containsExactly(java.util.Map.entry("DATA:r1:1", 2));
        assertThat(store.duplicateCount()).isEqualTo(2);
        assertThat(store.timesReceived("r1", 1)).isEqualTo(3);
        assertThat(store.holding("r1")).get().extracting(Holding::version, Holding::op)
                .containsExactly(2, "UPDATE");
        assertThat(store.holds("r1", 2)).isTrue();
        assertThat(store.holds("r1", 1)).isFalse();
    }

    @Test
    void shieldsAreKeptApartAndMarkTheHoldingAndFollowTheSubjectOrder() {
        store.add(DATA, item("r1", 1, "ADD", "91350100M000100Y43"), T0);
        store.add(DATA, item("r9", 1, "ADD", "913501007000000001"), T0.plusSeconds(1));
        store.add(SHIELD, new BodyItem("r1", 1, null, "REPAIR", JsonNodeFactory.instance.objectNode()),
                T0.plusSeconds(2));
        store.add(DATA, item("r1", 2, "DELETE", "91350100M000100Y43"), T0.plusSeconds(3));

        assertThat(store.shields()).singleElement().extracting(StoredItem::cause, StoredItem::receivedAt)
                .containsExactly("REPAIR", T0.plusSeconds(2));
        assertThat(store.data()).hasSize(3);
        Holding h = store.holding("r1").orElseThrow();
        assertThat(h.shielded()).isTrue();
        assertThat(h.shieldCause()).isEqualTo("REPAIR");
        assertThat(h.withdrawn()).isTrue();
        assertThat(store.arrivalsOf("91350100M000100Y43")).extracting(StoredItem::msgType, StoredItem::version)
                .containsExactly(tuple("DATA", 1),
                        tuple("SHIELD", 1),
                        tuple("DATA", 2));
    }

    @Test
    void droppedItemsAreNotHeldAndPhantomsAreHeldWithoutArriving() {
        store.drop(DATA, item("r1", 1, "ADD", "91350100M000100Y43"), T0);
        store.addPhantom("ghost", 3, "PENALTY", T0);

        assertThat(store.dropped()).hasSize(1);
        assertThat(store.data()).isEmpty();
        assertThat(store.holding("r1")).isEmpty();
        assertThat(store.timesReceived("r1", 1)).isEqualTo(1);
        assertThat(store.holding("ghost")).get().extracting(Holding::version, Holding::phantom)
                .containsExactly(3, true);
    }

    private static BodyItem item(String id, int version, String op, String uscc) {
        return new BodyItem(id, version, op, null, JsonNodeFactory.instance.objectNode().put("CF_XDR_SHXYM", uscc));
    }

    private static EnvelopeHeader header(String msgId, String type) {
        return new EnvelopeHeader(msgId, type, "PENALTY", "2021", "city", "up", null, null, 1, null);
    }
}
