package org.creditgate.connector.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.creditgate.spi.config.ConfigKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Declaration and configuration of the connector type, with its example .cfg. */
class EnvelopeConnectorTest {

    static final Path CFG = Path.of("src/main/cfg/org.creditgate.connector.envelope-example.cfg");

    @Test
    void theExampleConfigIsValidAndDescribesASink() throws Exception {
        EnvelopeConnector c = EnvelopeConfigCheck.connector(CFG);
        EnvelopeConfigCheck.assertSinkDescriptor(c, "example", CFG);
        EnvelopeSettings s = c.settings().orElseThrow();
        assertThat(s.receipts()).isEqualTo(EnvelopeSettings.ReceiptMode.SYNC);
        assertThat(s.submitUri()).hasToString("http://127.0.0.1:8301/province/v1/batches");
        assertThat(s.publicView()).isFalse();
    }

    @Test
    void everyKeyIsDocumentedInTheExampleWithItsDefault() throws Exception {
        EnvelopeConfigCheck.assertEveryKeyDocumented(CFG);
        String text = java.nio.file.Files.readString(CFG);
        for (ConfigKey key : EnvelopeSettings.CONFIG.keys().values()) {
            if (key.defaultValue() != null) {
                assertThat(text).as("default of %s", key.name()).contains("# " + key.name() + " = " + key.defaultValue());
            }
        }
    }

    @Test
    void thePasswordIsMaskedInToString() throws Exception {
        Map<String, Object> props = EnvelopeConfigCheck.shipped(CFG);
        props.put("username", "gateway");
        props.put("password", "s3cret-Pa55");
        EnvelopeConnector c = new EnvelopeConnector(props);
        assertThat(c.problem()).isEmpty();
        assertThat(c.toString()).doesNotContain("s3cret-Pa55").contains("password=[hidden]");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "url               | ftp://upstream/x | not an http(s) URL",
        "url               | ''               | is required",
        "receipts          | SOMETIMES        | must be SYNC or ASYNC",
        "submitPath        | batches          | must start with '/'",
        "receiptTimeout    | 0s               | must be positive",
        "readTimeout       | soon             | not a valid duration",
        "password          | x                | username is not",
        "publicView        | yes              | not a valid boolean",
    })
    void aBadKeyIsAProblemNamingThePidAndTheKey(String key, String value, String problem) throws Exception {
        Map<String, Object> props = EnvelopeConfigCheck.shipped(CFG);
        props.put(key, value);
        EnvelopeConnector c = new EnvelopeConnector(props);
        assertThat(c.problem()).hasValueSatisfying(p -> assertThat(p).contains(EnvelopeConnector.PID)
                .contains(key).contains(problem));
        assertThat(c.descriptor().id()).isEqualTo("envelope-example");
    }
}
