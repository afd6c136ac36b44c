package org.creditgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.creditgate.ledger.Rejection;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayConnector;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigKey;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.ingest.IngestStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector's test extends (after kafka-connect-jdbc's {@code BaseDialectTest}): a subclass
 * says how to build its connector and where its shipped {@code .cfg} is, and inherits the checks every connector —
 * source or sink — must pass: descriptor complete, every config key documented, the shipped configuration valid, a
 * missing key named with its PID, secrets masked, route ids prefixed. Sources extend
 * {@link SourceConnectorContractTest}, which adds the ingest behaviour.
 *
 * @param <C> the connector type
 */
public abstract class ConnectorContractTest<C extends GatewayConnector> {

    /** How long an asynchronous effect may take in these tests. */
    protected static final Duration PROCESSED = Duration.ofSeconds(30);

    private static final Pattern CFG_KEY = Pattern.compile("^#?\\s*([A-Za-z][A-Za-z0-9_.\\[\\]\\p{IsHan}-]*)\\s*=.*$");

    protected TestGateway gateway;
    protected CamelContext camel;
    private C connector;


    /** A connector built from these configuration properties (as Config Admin would pass them). */
    protected abstract C newConnector(Map<String, Object> properties);

    /** Valid properties for this test (directories, ports and URLs of the test's simulator). */
    protected abstract Map<String, Object> validProperties() throws Exception;

    /** The declared configuration of the connector type (by default the one a {@code ConfiguredConnector} declares). */
    protected ConfigDef configDef() {
        if (connector instanceof org.creditgate.spi.ConfiguredConnector<?> configured) {
            return configured.configDef();
        }
        throw new IllegalStateException("override configDef() for a connector that is not a ConfiguredConnector");
    }

    /** The shipped, commented {@code .cfg} of this connector (relative to the module). */
    protected abstract Path shippedConfig();

    /** Extra beans or components the connector's routes need in the CamelContext (none by default). */
    protected void prepare(CamelContext context) throws Exception {
    }

    @BeforeEach
    void startConnector() throws Exception {
        connector = newConnector(validProperties());
        assertThat(connector.problem()).as("problem of a valid configuration").isEmpty();
        gateway = new TestGateway(connector.descriptor());
        camel = start(connector);
    }

    @AfterEach
    void stopConnector() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    protected final C connector() {
        return connector;
    }

    /** Starts a connector's routes in a fresh CamelContext wired to {@link #gateway}. */
    protected final CamelContext start(C c) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(30);
        prepare(context);
        context.addRoutes(c.routes(gateway));
        context.start();
        return context;
    }

    @Test
    void descriptorIsComplete() {
        ConnectorDescriptor d = connector.descriptor();
        assertThat(d.id()).isEqualTo(d.type() + "-" + d.department());
        assertThat(d.kind()).isNotNull();
        assertThat(d.version()).isNotBlank();
        assertThat(d.pid()).startsWith(ConnectorDescriptor.factoryPid(d.type()));
        assertThat(shippedConfig().getFileName().toString())
                .as("shipped file name is <factory pid>-<department>.cfg")
                .matches(Pattern.quote(ConnectorDescriptor.factoryPid(d.type()) + "-") + "[a-z0-9-]+\\.cfg");
    }

    @Test
    void everyConfigKeyIsDocumentedInTheShippedConfig() throws IOException {
        Map<String, Boolean> documented = documentedKeys(shippedConfig());
        for (ConfigKey key : configDef().keys().values()) {
            boolean present = key.type() == ConfigType.PREFIX
                    ? documented.keySet().stream().anyMatch(k -> k.startsWith(key.name()))
                            || documented.containsKey(key.name() + "*")
                    : documented.containsKey(key.name());
            assertThat(present).as("key %s is in %s (set or as a commented default)", key.name(), shippedConfig())
                    .isTrue();
        }
        documented.forEach((key, hasComment) -> {
            assertThat(isDeclared(key)).as("key %s of %s is declared by the connector", key, shippedConfig()).isTrue();
            assertThat(hasComment).as("key %s of %s has a comment above it", key, shippedConfig()).isTrue();
        });
    }

    @Test
    void theShippedConfigIsValid() throws Exception {
        Map<String, Object> shipped = new HashMap<>();
        documentedValues(shippedConfig()).forEach(shipped::put);
        assertThat(newConnector(shipped).problem()).as("problem of the shipped configuration").isEmpty();
    }

    @Test
    void aMissingRequiredKeyIsAProblemNamingThePidAndTheKey() throws Exception {
        for (ConfigKey key : configDef().keys().values()) {
            if (!key.required()) {
                continue;
            }
            Map<String, Object> props = new HashMap<>(validProperties());
            props.remove(key.name());
            C broken = newConnector(props);
            assertThat(broken.problem()).as("problem without %s", key.name()).hasValueSatisfying(p -> assertThat(p)
                    .contains(ConnectorDescriptor.factoryPid(connector.descriptor().type())).contains(key.name()));
            assertThat(broken.descriptor().type()).isEqualTo(connector.descriptor().type());
        }
    }

    @Test
    void secretsAreMaskedInToString() throws Exception {
        Map<String, Object> props = validProperties();
        for (ConfigKey key : configDef().keys().values()) {
            if (key.secret() && props.get(key.name()) != null) {
                String secret = props.get(key.name()).toString();
                assertThat(connector.toString()).as("toString of %s", connector.descriptor().id())
                        .doesNotContain(secret).contains(key.name() + "=[hidden]");
            }
        }
    }

    @Test
    void everyRouteIdStartsWithTheConnectorId() {
        List<Route> routes = camel.getRoutes();
        assertThat(routes).isNotEmpty();
        assertThat(routes).extracting(Route::getRouteId)
                .allSatisfy(id -> assertThat(id).startsWith(connector.descriptor().routePrefix()));
    }

    private boolean isDeclared(String key) {
        String name = key.endsWith("*") ? key.substring(0, key.length() - 1) : key;
        return configDef().keys().containsKey(name) || configDef().keys().values().stream()
                .anyMatch(k -> k.type() == ConfigType.PREFIX && name.startsWith(k.name()));
    }

    /**
     * Keys of a .cfg (set or commented out), each with whether its paragraph (the lines since the last blank one)
     * has a comment line that is not itself a key: a group of related keys may share one explanation.
     */
    public static Map<String, Boolean> documentedKeys(Path cfg) throws IOException {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        boolean explained = false;
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            String t = line.strip();
            Matcher m = CFG_KEY.matcher(t);
            if (t.isEmpty()) {
                explained = false;
            } else if (m.matches()) {
                keys.putIfAbsent(m.group(1), explained);
            } else if (t.startsWith("#")) {
                explained = true;
            }
        }
        return keys;
    }

    /** The keys set (not commented out) in a shipped .cfg, as Config Admin would pass them. */
    public static Map<String, Object> shippedProperties(Path cfg) throws IOException {
        return new HashMap<>(documentedValues(cfg));
    }

    /** The keys set (not commented out) in a .cfg, with their values. */
    static Map<String, String> documentedValues(Path cfg) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq > 0) {
                values.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /** For subclasses' own assertions on rejections. */
    protected static boolean names(Rejection r, String field) {
        return r.errors().contains("\"field\":\"" + field + "\"");
    }
}
