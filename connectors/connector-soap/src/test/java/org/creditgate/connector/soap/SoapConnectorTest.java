package org.creditgate.connector.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.creditgate.spi.ConnectorKind;
import org.creditgate.testkit.ConnectorContractTest;
import org.junit.jupiter.api.Test;

/**
 * The connector contract a sink can be held to (the testkit's ConnectorContractTest drives a source): descriptor,
 * shipped configuration documented both ways and valid, problems naming PID and key, secrets masked.
 */
class SoapConnectorTest {

    private static final Path SHIPPED = Path.of("src/main/cfg/org.creditgate.connector.soap-national.cfg");

    @Test
    void descriptorIsASinkNamedAfterTypeAndUpstream() {
        var d = new SoapConnector(Map.of("department", "national")).descriptor();
        assertThat(d.id()).isEqualTo("soap-national");
        assertThat(d.type()).isEqualTo(SoapConnector.TYPE);
        assertThat(d.kind()).isEqualTo(ConnectorKind.SINK);
        assertThat(d.department()).isEqualTo("national");
        assertThat(d.pid()).isEqualTo(SoapConnector.PID);
        assertThat(d.version()).isNotBlank();
    }

    @Test
    void everyConfigKeyIsDocumentedInTheShippedConfigAndNothingElse() throws IOException {
        Map<String, Boolean> documented = ConnectorContractTest.documentedKeys(SHIPPED);
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(SoapSettings.DEF.names());
        assertThat(documented).allSatisfy((key, explained) -> assertThat(explained).as("comment above %s", key).isTrue());
        for (var key : SoapSettings.DEF.keys().values()) {
            if (key.defaultValue() != null) {
                assertThat(Files.readString(SHIPPED)).as("default of %s shown", key.name())
                        .containsPattern("(?m)^#?\\s*" + Pattern.quote(key.name()) + " = " + Pattern.quote(key.defaultValue()) + "$");
            }
        }
    }

    @Test
    void theShippedConfigIsValidAndPointsAtTheDemoSimulator() throws IOException {
        SoapConnector c = new SoapConnector(ConnectorContractTest.shippedProperties(SHIPPED));
        assertThat(c.problem()).isEmpty();
        assertThat(c.descriptor().id()).isEqualTo("soap-national");
        assertThat(c.settings().orElseThrow().endpoint().toString())
                .isEqualTo("http://127.0.0.1:8302/national/ws/exchange");
        assertThat(c.settings().orElseThrow().username()).isEmpty();
    }

    @Test
    void aMissingOrBadKeyIsAProblemNamingThePidAndTheKey() {
        assertThat(new SoapConnector(Map.of()).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains(SoapConnector.PID).contains("department"));
        assertThat(new SoapConnector(Map.of("department", "national", "endpoint", "ftp://x")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("endpoint").contains("http(s)"));
        assertThat(new SoapConnector(Map.of("department", "national", "password", "s3cret")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("username").doesNotContain("s3cret"));
        assertThat(new SoapConnector(Map.of("department", "national", "receiveTimeout", "soon")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("receiveTimeout"));
    }

    @Test
    void thePasswordIsMaskedInToString() {
        Map<String, Object> p = new HashMap<>();
        p.put("department", "national");
        p.put("username", "creditgate");
        p.put("password", "s3cret-value");
        SoapConnector c = new SoapConnector(p);
        assertThat(c.problem()).isEmpty();
        assertThat(c.toString()).doesNotContain("s3cret-value").contains("password=[hidden]");
    }

}
