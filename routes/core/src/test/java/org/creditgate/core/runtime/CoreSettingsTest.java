package org.creditgate.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoreSettingsTest {

    /** A CoreConfig with its defaults, except the given overrides (by method name). */
    private static CoreConfig config(Map<String, Object> overrides) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] {CoreConfig.class},
                (proxy, method, args) -> overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void defaultsAreValidAndThePasswordNeverPrints() {
        CoreSettings s = CoreSettings.from(config(Map.of()), Path.of("etc"));
        assertThat(s.maxBatchSize()).isEqualTo(500);
        assertThat(s.calendarDir()).isEqualTo(Path.of("etc", "calendar"));
        assertThat(s.brokerPassword().value()).isEqualTo("creditgate");
        assertThat(s.toString()).contains("brokerPassword=[hidden]");
    }

    @Test
    void badValuesNameThePidAndTheKey() {
        assertThatThrownBy(() -> CoreSettings.from(config(Map.of("ingest_maxBatchSize", 0)), Path.of("etc")))
                .hasMessage("org.creditgate.core: ingest.maxBatchSize must be at least 1, got 0");
        assertThatThrownBy(() -> CoreSettings.from(config(Map.of("business_zone", "Mars/Olympus")), Path.of("etc")))
                .hasMessageContaining("org.creditgate.core: business.zone \"Mars/Olympus\"");
        assertThatThrownBy(() -> CoreSettings.from(config(Map.of("broker_url", " ")), Path.of("etc")))
                .hasMessage("org.creditgate.core: broker.url must not be empty");
    }
}
