package org.creditgate.connector.xmlfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.creditgate.spi.ConnectorKind;
import org.creditgate.testkit.ConnectorContractTest;
import org.junit.jupiter.api.Test;

/**
 * The connector contract a sink can be held to (the testkit's ConnectorContractTest drives a source): descriptor,
 * shipped configuration documented both ways and valid, problems naming PID and key (no secrets to mask).
 */
class XmlFileConnectorTest {

    private static final Path SHIPPED = Path.of("src/main/cfg/org.creditgate.connector.xmlfile-gsxt.cfg");

    @Test
    void descriptorIsASinkNamedAfterTypeAndUpstream() {
        var d = new XmlFileConnector(Map.of("department", "gsxt")).descriptor();
        assertThat(d.id()).isEqualTo("xmlfile-gsxt");
        assertThat(d.type()).isEqualTo(XmlFileConnector.TYPE);
        assertThat(d.kind()).isEqualTo(ConnectorKind.SINK);
        assertThat(d.department()).isEqualTo("gsxt");
        assertThat(d.pid()).isEqualTo(XmlFileConnector.PID);
        assertThat(d.version()).isNotBlank();
    }

    @Test
    void everyConfigKeyIsDocumentedInTheShippedConfigAndNothingElse() throws IOException {
        Map<String, Boolean> documented = ConnectorContractTest.documentedKeys(SHIPPED);
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(XmlFileSettings.DEF.names());
        assertThat(documented).allSatisfy((key, explained) -> assertThat(explained).as("comment above %s", key).isTrue());
        for (var key : XmlFileSettings.DEF.keys().values()) {
            if (key.defaultValue() != null) {
                assertThat(Files.readString(SHIPPED)).as("default of %s shown", key.name())
                        .containsPattern("(?m)^#?\\s*" + Pattern.quote(key.name()) + " = " + Pattern.quote(key.defaultValue()) + "$");
            }
        }
    }

    @Test
    void theShippedConfigIsValidAndPointsAtTheDemoSimulator() throws IOException {
        XmlFileConnector c = new XmlFileConnector(ConnectorContractTest.shippedProperties(SHIPPED));
        assertThat(c.problem()).isEmpty();
        assertThat(c.descriptor().id()).isEqualTo("xmlfile-gsxt");
        var settings = c.settings().orElseThrow();
        assertThat(settings.exchangeDir().endsWith(Path.of("data/exchange/gsxt/out"))).isTrue();
        assertThat(settings.receiptDir().endsWith(Path.of("data/exchange/gsxt/receipts"))).isTrue();
        assertThat(settings.receiptTimeout()).isEqualTo(java.time.Duration.ofHours(24));
    }

    @Test
    void aMissingOrBadKeyIsAProblemNamingThePidAndTheKey() {
        assertThat(new XmlFileConnector(Map.of()).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains(XmlFileConnector.PID).contains("department"));
        assertThat(new XmlFileConnector(Map.of("department", "gsxt", "receiptDir", "data/exchange/gsxt/out")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("receiptDir"));
        assertThat(new XmlFileConnector(Map.of("department", "gsxt", "receiptTimeout", "soon")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains(XmlFileConnector.PID).contains("receiptTimeout"));
        assertThat(new XmlFileConnector(Map.of("department", "gsxt", "receiptPollPeriod", "1ms")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("receiptPollPeriod"));
        assertThat(new XmlFileConnector(Map.of("department", "gsxt", "exchangeDirr", "x")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("exchangeDirr").contains("unknown key"));
    }

}
