package org.creditgate.connector.xmlfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.delivery.UpstreamHoldings.Holding;
import org.creditgate.spi.delivery.UpstreamHoldings.RecordStatus;
import org.creditgate.spi.delivery.UpstreamHoldings.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's reconciliation reads the holdings file the upstream publishes beside its receipts. */
class GsxtHoldingsTest {

    @TempDir
    Path dir;

    private UpstreamHoldings holdings() {
        return new XmlFileConnector(Map.of("department", "gsxt", XmlFileSettings.EXCHANGE_DIR,
                dir.resolve("out").toString(), XmlFileSettings.RECEIPT_DIR, dir.resolve("receipts").toString()))
                .upstreamHoldings().orElseThrow();
    }

    @Test
    void holdingsAndStatusFromTheHoldingsFile() throws Exception {
        Files.createDirectories(dir.resolve("receipts"));
        // the common holdings JSON (upstream-simulators/README.md, "Common queries")
        Files.writeString(dir.resolve("receipts/holdings.json"), "{\"upstream\":\"gsxt\",\"generatedAt\":"
                + "\"2026-11-30T01:00:00Z\",\"count\":2,\"holdings\":[{\"recordId\":\"r-1\",\"dataset\":\"PENALTY\","
                + "\"version\":2,\"op\":\"UPDATE\",\"withdrawn\":false,\"shielded\":false,\"phantom\":false},"
                + "{\"recordId\":\"r-2\",\"dataset\":\"LICENSE\",\"version\":1,\"op\":\"DELETE\",\"withdrawn\":true,"
                + "\"shielded\":false,\"phantom\":false}]}");
        UpstreamHoldings h = holdings();

        assertThat(h.holdings(null)).containsExactly(new Holding("r-1", "PENALTY", 2, false),
                new Holding("r-2", "LICENSE", 1, true));
        assertThat(h.holdings("LICENSE")).extracting(Holding::recordId).containsExactly("r-2");
        assertThat(h.status(new DeliveryRef("r-1", 2))).isEqualTo(new RecordStatus(State.HELD, 2, null));
        assertThat(h.status(new DeliveryRef("r-1", 1))).isEqualTo(new RecordStatus(State.NOT_HELD, 2, null));
        assertThat(h.status(new DeliveryRef("r-9", 1))).isEqualTo(new RecordStatus(State.NOT_HELD, null, null));
    }

    @Test
    void noFileYetCannotBeReconciled() {
        assertThatThrownBy(() -> holdings().holdings(null)).hasMessageContaining("has not published");
    }

    @Test
    void aBatchWhoseManifestIsInPlaceIsPendingButAnOrphanedBatchFileIsNot() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("CG0001764460800000-r-1-v1.xml"), "<batch/>");
        Files.writeString(out.resolve("CG0001764460800000-r-1-v1.manifest.json"), "{}");
        // a crash between the batch file and its manifest: the upstream never takes it
        Files.writeString(out.resolve("CG0001764460800001-r-2-v1.xml"), "<batch/>");

        assertThat(holdings().status(new DeliveryRef("r-1", 1))).isEqualTo(new RecordStatus(State.PENDING, null, null));
        assertThat(holdings().status(new DeliveryRef("r-2", 1))).isEqualTo(new RecordStatus(State.NOT_HELD, null, null));
        assertThat(holdings().status(new DeliveryRef("r-1", 2))).as("another version")
                .isEqualTo(new RecordStatus(State.NOT_HELD, null, null));
    }
}
