package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.spi.delivery.DeliveryRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sink's reports land in the ledger; an upstream refusal also lands on the source department's rejection list. */
class LedgerDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final DataSource ds = LedgerDataSources.create(new LedgerSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final Ledger ledger = Ledgers.open(ds);
    private final LedgerDeliveries gsxt = new LedgerDeliveries("gsxt", ledger, Clock.fixed(T0, ZoneOffset.UTC));

    @AfterEach
    void close() {
        LedgerDataSources.close(ds);
    }

    @Test
    void sentAcceptedAndRejectedWithFeedbackToTheDepartment() {
        ledger.accept(List.of(new RecordVersion("r1", 1, "ADD", "PENALTY", "scjgj", "k1", "S:x", "h1", "{\"a\":1}", "[]",
                T0, RecordState.VALIDATED), new RecordVersion("r2", 1, "ADD", "PENALTY", "scjgj", "k2", "S:x", "h2",
                        "{\"a\":2}", "[]", T0, RecordState.VALIDATED)));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "gsxt", T0), Delivery.queued("r2", 1, "gsxt", T0)));

        gsxt.sent(List.of(new DeliveryRef("r1", 1), new DeliveryRef("r2", 1)), "B-1");
        gsxt.accepted(List.of(new DeliveryRef("r1", 1)), "RC-1");
        gsxt.rejected(new DeliveryRef("r2", 1), "RC-1", "缺少公示截止期");

        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state, Delivery::batchId,
                Delivery::receiptId).containsExactly(DeliveryState.ACCEPTED, "B-1", "RC-1");
        assertThat(ledger.deliveries("r2")).singleElement().extracting(Delivery::state, Delivery::error)
                .containsExactly(DeliveryState.REJECTED, "缺少公示截止期");
        assertThat(ledger.rejections("scjgj", 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.senderRef()).isEqualTo("r2:1");
            assertThat(r.payload()).isEqualTo("{\"a\":2}");
            assertThat(r.errors()).contains("E_UPSTREAM_REJECTED").contains("gsxt refused").contains("缺少公示截止期");
        });
    }
}
