package org.creditgate.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.spi.ConfiguredConnector;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Settings;
import org.creditgate.spi.ingest.IngestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry in a real CamelContext: connectors come and go without touching each other's routes, a broken one
 * is FAILED with the reason, and removal waits for in-flight work.
 */
class ConnectorRegistryTest extends CamelTestSupport {

    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final AtomicInteger ingestCalls = new AtomicInteger();
    private Ledger ledger;

    /** A test connector type: a direct route per instance, optionally with a bad route id or a slow step. */
    static final class Probe extends ConfiguredConnector<Settings> {
        static final ConfigDef CONFIG = ConfigDef.connector()
                .optional("routeId", ConfigType.STRING, "in", "Role part of the route id")
                .optional("token", ConfigType.PASSWORD, null, "A secret")
                .build();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Probe(Map<String, ?> props) {
            super("probe", ConnectorKind.SOURCE, CONFIG, props);
        }

        @Override
        protected Settings settings(Settings raw) {
            return raw;
        }

        @Override
        protected RoutesBuilder routes(Settings s, ConnectorDescriptor d, ConnectorContext ctx) {
            String role = s.string("routeId");
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:" + d.id()).routeId(role.contains(".") ? role : d.routePrefix() + role)
                            .process(e -> {
                                entered.countDown();
                                release.await(10, TimeUnit.SECONDS);
                                e.getMessage().setBody(ctx.ingest(List.of(JsonNodeFactory.instance.objectNode())));
                            });
                }
            };
        }
    }

    @BeforeEach
    void attach() {
        ledger = Ledgers.open(LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:registry;DB_CLOSE_DELAY=-1",
                "sa", "", 2)));
        registry.attach(context, request -> {
            ingestCalls.incrementAndGet();
            return new IngestResult(List.of());
        }, ledger, Path.of("target", "connectors"), Clock.systemUTC());
    }

    private static Probe probe(String department, Map<String, String> extra) {
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put("department", department);
        return new Probe(props);
    }

    @Test
    void connectorsComeAndGoWithoutTouchingEachOther() throws Exception {
        Probe a = probe("a", Map.of());
        registry.bind(a);
        org.apache.camel.Route before = context.getRoute("probe-a.in");
        long startedAt = before.getUptimeMillis();

        Probe b = probe("b", Map.of());
        registry.bind(b);
        assertThat(context.getRoute("probe-b.in")).isNotNull();
        registry.unbind(b);

        assertThat(context.getRoute("probe-b.in")).isNull();
        assertThat(context.getRoute("probe-a.in")).isSameAs(before);
        assertThat(context.getRoute("probe-a.in").getUptimeMillis()).isGreaterThanOrEqualTo(startedAt);
        assertThat(registry.list()).extracting(i -> i.descriptor().id()).containsExactly("probe-a");
        assertThat(registry.health()).containsExactly(ComponentHealth.up("connector:probe-a", "1 route(s) running"));
    }

    @Test
    void aBadConfigurationIsDownWithThePidAndKeyAndStartsNoRoute() {
        Probe bad = new Probe(Map.of("department", "c", "routeId", "in", "bogus", "1"));
        registry.bind(bad);
        registry.bind(probe("d", Map.of()));

        assertThat(registry.find("probe-c")).get().extracting(ConnectorInstance::state).isEqualTo(ConnectorState.FAILED);
        assertThat(registry.health()).filteredOn(h -> h.component().equals("connector:probe-c")).singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("org.creditgate.connector.probe").contains("bogus"));
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("probe-d.in");
    }

    @Test
    void aRouteIdWithoutTheConnectorPrefixIsRefused() {
        registry.bind(probe("e", Map.of("routeId", "someone-else.in")));

        assertThat(registry.find("probe-e")).get().satisfies(i -> {
            assertThat(i.state()).isEqualTo(ConnectorState.FAILED);
            assertThat(i.problem()).contains("someone-else.in").contains("probe-e.");
        });
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void autoStartupFalseInstallsTheConnectorPausedAndResumeStartsIt() throws Exception {
        registry.bind(probe("f", Map.of("autoStartup", "false")));

        assertThat(registry.find("probe-f")).get().extracting(ConnectorInstance::state).isEqualTo(ConnectorState.PAUSED);
        assertThat(context.getRouteController().getRouteStatus("probe-f.in").isStarted()).isFalse();
        registry.resume("probe-f");
        assertThat(context.getRouteController().getRouteStatus("probe-f.in").isStarted()).isTrue();
    }

    @Test
    void removalWaitsForInFlightWorkToFinish() throws Exception {
        Probe g = probe("g", Map.of());
        registry.bind(g);
        var reply = template.asyncRequestBody("direct:probe-g", "x");
        assertThat(g.entered.await(10, TimeUnit.SECONDS)).isTrue();

        Thread remover = new Thread(() -> registry.unbind(g));
        remover.start();
        g.release.countDown();
        remover.join(20_000);

        assertThat(reply.get(10, TimeUnit.SECONDS)).isInstanceOf(IngestResult.class);
        assertThat(ingestCalls.get()).isEqualTo(1);
        assertThat(registry.find("probe-g").map(i -> i.metrics().received())).isEmpty();
        assertThat(context.getRoute("probe-g.in")).isNull();
    }

    @Test
    void secretsAreMaskedInTheConnectorsToString() {
        Probe h = probe("h", Map.of("token", "t0p-s3cret"));
        assertThat(h.toString()).contains("token=[hidden]").doesNotContain("t0p-s3cret");
    }
}
