package org.creditgate.connector.xmlfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The XML-file sink's routes against the gsxt simulator (real files in temp directories; it scans only when a test
 * calls {@code scan()}, so the SENT state can be seen before the receipt) and the test gateway's ledger.
 */
abstract class GsxtSinkRouteTest extends ConnectorRouteTest<XmlFileConnector> {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static int docNo;

    private Path dir;
    protected GsxtSimulator sim;

    @Override
    protected XmlFileConnector newConnector() throws IOException {
        dir = Files.createTempDirectory("xmlfile-gsxt");
        // scans only when the test says so (scan()), so the SENT state can be observed before the receipt
        sim = new GsxtSimulator(dir.resolve("exchange"), dir.resolve("receipts")).start(0, Duration.ofHours(1));
        Map<String, Object> p = new HashMap<>();
        p.put("department", "gsxt");
        p.put(XmlFileSettings.EXCHANGE_DIR, sim.exchangeDir().toString());
        p.put(XmlFileSettings.RECEIPT_DIR, sim.receiptDir().toString());
        p.put(XmlFileSettings.RECEIPT_POLL_PERIOD, "100ms");
        p.put(XmlFileSettings.RECEIPT_TIMEOUT, receiptTimeout());
        return new XmlFileConnector(p);
    }

    /** How long the connector waits for a receipt before UNKNOWN. */
    protected String receiptTimeout() {
        return "1h";
    }

    @AfterEach
    void stopSimulator() throws Exception {
        context.stop();
        sim.close();
    }

    protected UpstreamMessage queued() {
        var record = SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔2026〕" + (++docNo) + "号"),
                LocalDate.now(TestGateway.ZONE).minusDays(3));
        return gateway.queuedForUpstream(record);
    }

    protected void send(UpstreamMessage m) {
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());
    }

    protected org.creditgate.ledger.Delivery delivery(UpstreamMessage m) {
        return gateway.delivery(m.recordId(), m.version()).orElseThrow();
    }

    protected List<String> files(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
