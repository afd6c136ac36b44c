package org.creditgate.connector.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.config.ConfigKey;
import org.creditgate.testkit.ConnectorContractTest;

/**
 * The connector-contract checks that apply to a sink (ConnectorContractTest's own tests assume a source), shared
 * with the preset modules through this module's test-jar: a shipped .cfg documents every key and is valid, the
 * descriptor is a SINK named after the upstream, every route id is prefixed.
 */
public final class EnvelopeConfigCheck {

    /** The same key pattern as ConnectorContractTest (keys set or commented out). */

    private EnvelopeConfigCheck() {
    }

    /** The shipped file's values, as Config Admin passes them. */
    public static Map<String, Object> shipped(Path cfg) throws IOException {
        return ConnectorContractTest.shippedProperties(cfg);
    }

    /** A connector from the shipped file; asserts it has no problem. */
    public static EnvelopeConnector connector(Path cfg) throws IOException {
        EnvelopeConnector c = new EnvelopeConnector(shipped(cfg));
        assertThat(c.problem()).as("problem of %s", cfg).isEmpty();
        return c;
    }

    /** Descriptor of a sink instance {@code envelope-<upstream>}, and the file named after it. */
    public static void assertSinkDescriptor(EnvelopeConnector c, String upstream, Path cfg) {
        ConnectorDescriptor d = c.descriptor();
        assertThat(d.id()).isEqualTo("envelope-" + upstream);
        assertThat(d.type()).isEqualTo(EnvelopeConnector.TYPE);
        assertThat(d.kind()).isEqualTo(ConnectorKind.SINK);
        assertThat(d.department()).isEqualTo(upstream);
        assertThat(d.version()).isNotBlank();
        assertThat(d.pid()).startsWith(EnvelopeConnector.PID);
        assertThat(cfg.getFileName().toString()).isEqualTo(EnvelopeConnector.PID + "-" + upstream + ".cfg");
    }

    /** Every declared key is in the file (set or as a commented default), under a comment; no undeclared key. */
    public static void assertEveryKeyDocumented(Path cfg) throws IOException {
        Map<String, Boolean> documented = ConnectorContractTest.documentedKeys(cfg);
        Map<String, ConfigKey> declared = EnvelopeSettings.CONFIG.keys();
        assertThat(documented.keySet()).as("keys of %s", cfg).containsAll(declared.keySet());
        documented.forEach((key, explained) -> {
            assertThat(declared).as("key %s of %s is declared", key, cfg).containsKey(key);
            assertThat(explained).as("key %s of %s has a comment above it", key, cfg).isTrue();
        });
    }

    public static void assertRouteIdsPrefixed(CamelContext context, ConnectorDescriptor d, List<String> roles) {
        assertThat(context.getRoutes()).extracting(Route::getRouteId)
                .allSatisfy(id -> assertThat(id).startsWith(d.routePrefix()))
                .containsExactlyInAnyOrderElementsOf(roles.stream().map(r -> d.routePrefix() + r).toList());
    }
}
