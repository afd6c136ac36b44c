package org.creditgate.connector.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.creditgate.connector.envelope.EnvelopeConfigCheck;
import org.creditgate.connector.envelope.EnvelopeConnector;
import org.creditgate.connector.envelope.EnvelopeSettings;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.Test;

/** The shipped province configuration: a valid ASYNC sink named envelope-province, every key documented. */
class ProvinceConnectorTest {

    static final Path CFG = Path.of("src/main/cfg/org.creditgate.connector.envelope-province.cfg");

    @Test
    void descriptorIsTheProvinceSink() throws Exception {
        EnvelopeConnector c = EnvelopeConfigCheck.connector(CFG);
        EnvelopeConfigCheck.assertSinkDescriptor(c, "province", CFG);
        assertThat(c.descriptor().id()).isEqualTo("envelope-province");
        assertThat(c.descriptor().kind()).isEqualTo(ConnectorKind.SINK);
    }

    @Test
    void theShippedConfigAsksForAsyncReceiptsInFull() throws Exception {
        EnvelopeSettings s = EnvelopeConfigCheck.connector(CFG).settings().orElseThrow();
        assertThat(s.receipts()).isEqualTo(EnvelopeSettings.ReceiptMode.ASYNC);
        assertThat(s.publicView()).isFalse();
        assertThat(s.url()).hasToString("http://127.0.0.1:8301/province/v1");
        assertThat(s.submitPath()).isEqualTo("/batches");
    }

    @Test
    void everyConfigKeyIsDocumentedInTheShippedConfig() throws Exception {
        EnvelopeConfigCheck.assertEveryKeyDocumented(CFG);
    }

    @Test
    void routeIdsArePrefixedSendAndReceipts() throws Exception {
        EnvelopeConnector c = EnvelopeConfigCheck.connector(CFG);
        try (TestGateway gateway = new TestGateway(c.descriptor());
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(c.routes(gateway));
            camel.start();
            ConnectorDescriptor d = c.descriptor();
            EnvelopeConfigCheck.assertRouteIdsPrefixed(camel, d, List.of("send", "receipts"));
        }
    }
}
