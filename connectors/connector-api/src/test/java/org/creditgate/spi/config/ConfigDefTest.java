package org.creditgate.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigDefTest {

    private static final String PID = "org.creditgate.connector.test~x";
    private final ConfigDef def = ConfigDef.connector()
            .required("url", ConfigType.STRING, "Service URL")
            .optional("period", ConfigType.DURATION, "30s", "Poll period")
            .optional("pageSize", ConfigType.INT, "100", "Rows per page")
            .optional("password", ConfigType.PASSWORD, null, "Service password")
            .prefix("map.", "Field mapping")
            .build();

    @Test
    void valuesAreTypedDefaultedAndSecretsMasked() {
        Settings s = def.parse(PID, Map.of("department", "swj", "url", "http://x", "period", "5m",
                "password", "s3cret", "map.CF_WSH", "文号", "service.pid", PID, "felix.fileinstall.filename", "f",
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)"));

        assertThat(s.department()).isEqualTo("swj");
        assertThat(s.autoStartup()).isTrue();
        assertThat(s.duration("period")).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.integer("pageSize")).isEqualTo(100);
        assertThat(s.secret("password").reveal()).isEqualTo("s3cret");
        assertThat(s.group("map.")).containsExactly(Map.entry("CF_WSH", "文号"));
        assertThat(s.toString()).contains("password=[hidden]").doesNotContain("s3cret");
    }

    @Test
    void errorsNameThePidTheKeyAndTheRule() {
        assertThatThrownBy(() -> def.parse(PID, Map.of("department", "swj")))
                .hasMessage(PID + ": url: is required: Service URL");
        assertThatThrownBy(() -> def.parse(PID, Map.of("department", "swj", "url", "u", "pageSize", "ten")))
                .hasMessage(PID + ": pageSize: 'ten' is not a valid integer");
        assertThatThrownBy(() -> def.parse(PID, Map.of("department", "swj", "url", "u", "perod", "5m")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(PID + ": perod: unknown key");
        assertThatThrownBy(() -> def.parse(PID, Map.of("department", "swj", "url", "u", "period", "soon")))
                .hasMessage(PID + ": period: 'soon' is not a valid duration (e.g. 30s, 5m, PT1H)");
    }

    @Test
    void aUtf8FileReadAsLatin1IsRefusedWithTheFix() {
        String mojibake = new String("处罚事由".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> def.parse(PID, Map.of("department", "swj", "url", "u", "map.CF_SY", mojibake)))
                .hasMessageContaining("map.CF_SY").hasMessageContaining("felix.fileinstall.configEncoding = UTF-8");
        assertThat(def.parse(PID, Map.of("department", "swj", "url", "café")).string("url")).isEqualTo("café");
    }

    @Test
    void durationsAcceptIsoAndUnitSuffixes() {
        assertThat(ConfigValues.duration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigValues.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigValues.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ConfigValues.duration("1500")).isEqualTo(Duration.ofMillis(1500));
    }
}
