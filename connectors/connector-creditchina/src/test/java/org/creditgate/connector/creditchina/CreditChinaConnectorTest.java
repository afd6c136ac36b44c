package org.creditgate.connector.creditchina;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.creditgate.connector.envelope.EnvelopeConfigCheck;
import org.creditgate.connector.envelope.EnvelopeConnector;
import org.creditgate.connector.envelope.EnvelopeSettings;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.Test;

/** The shipped 信用中国 configuration: a valid SYNC sink publishing the public view, every key documented. */
class CreditChinaConnectorTest {

    static final Path CFG = Path.of("src/main/cfg/org.creditgate.connector.envelope-creditchina.cfg");

    @Test
    void descriptorIsTheCreditChinaSink() throws Exception {
        EnvelopeConnector c = EnvelopeConfigCheck.connector(CFG);
        EnvelopeConfigCheck.assertSinkDescriptor(c, "creditchina", CFG);
        assertThat(c.descriptor().kind()).isEqualTo(ConnectorKind.SINK);
    }

    @Test
    void theShippedConfigPublishesThePublicViewWithSyncReceipts() throws Exception {
        EnvelopeSettings s = EnvelopeConfigCheck.connector(CFG).settings().orElseThrow();
        assertThat(s.receipts()).isEqualTo(EnvelopeSettings.ReceiptMode.SYNC);
        assertThat(s.publicView()).isTrue();
        assertThat(s.url()).hasToString("http://127.0.0.1:8303/creditchina/v1");
        assertThat(s.submitPath()).isEqualTo("/records");
    }

    @Test
    void everyConfigKeyIsDocumentedInTheShippedConfig() throws Exception {
        EnvelopeConfigCheck.assertEveryKeyDocumented(CFG);
    }

    @Test
    void theOnlyRouteIsThePrefixedSendRoute() throws Exception {
        EnvelopeConnector c = EnvelopeConfigCheck.connector(CFG);
        try (TestGateway gateway = new TestGateway(c.descriptor());
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(c.routes(gateway));
            camel.start();
            EnvelopeConfigCheck.assertRouteIdsPrefixed(camel, c.descriptor(), List.of("send"));
        }
    }
}
