package org.creditgate.connector.xmlfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.creditgate.ledger.DeliveryState;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.Test;

/** A batch the upstream never receipts becomes UNKNOWN after receiptTimeout, once; a late receipt still counts. */
class XmlFileReceiptTimeoutTest extends GsxtSinkRouteTest {

    @Override
    protected String receiptTimeout() {
        return "300ms";
    }

    @Test
    void aBatchWithoutAReceiptInTimeIsReportedUnknownOnceAndALateReceiptStillCounts() throws Exception {
        UpstreamMessage m = queued();

        send(m); // the simulator does not scan yet: no receipt

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(m).state()).isEqualTo(DeliveryState.UNKNOWN));
        String batchId = delivery(m).batchId();
        assertThat(files(gateway.workDir().resolve("pending"))).isEmpty();
        assertThat(files(gateway.workDir().resolve("pending/unknown"))).containsExactly(batchId);

        sim.scan(); // the receipt comes late
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(m).state()).isEqualTo(DeliveryState.ACCEPTED));
        assertThat(files(gateway.workDir().resolve("pending/unknown"))).isEmpty();
    }
}
