package org.creditgate.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.creditgate.spi.delivery.DeliveryRef;
import org.junit.jupiter.api.Test;

/** A sink's counters: sent once per version whether its receipt is synchronous or comes later. */
class ConnectorMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final ConnectorMetrics m = new ConnectorMetrics();
    private final DeliveryRef a = new DeliveryRef("a", 1);
    private final DeliveryRef b = new DeliveryRef("b", 1);
    private final DeliveryRef c = new DeliveryRef("c", 1);

    @Test
    void asynchronousAndSynchronousReceiptsCountEachVersionSentOnce() {
        m.sent(List.of(a, b), T0);
        m.sent(List.of(a), T0.plusSeconds(1));
        assertThat(m.received()).isEqualTo(2);
        assertThat(m.awaitingReceipt()).isEqualTo(2);
        assertThat(m.awaitingSince()).contains(T0);

        m.settled(List.of(a), true, true, T0.plusSeconds(60));
        m.settled(List.of(c), true, true, T0.plusSeconds(61));
        assertThat(m.received()).as("c was settled synchronously: sent now").isEqualTo(3);
        assertThat(m.accepted()).isEqualTo(2);
        assertThat(m.awaitingReceipt()).isEqualTo(1);
        assertThat(m.awaitingSince()).as("a receipt arrived since b was sent").contains(T0.plusSeconds(61));

        m.settled(List.of(new DeliveryRef("d", 1)), false, false, T0.plusSeconds(62));
        assertThat(m.received()).as("refused before sending: not sent").isEqualTo(3);
        assertThat(m.rejected()).isEqualTo(1);

        m.abandoned(List.of(b));
        assertThat(m.awaitingReceipt()).isZero();
        assertThat(m.awaitingSince()).isEmpty();
    }
}
