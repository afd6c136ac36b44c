package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Deploying, reconfiguring and removing connector instances while the samr connector ingests under load leaves
 * samr's instance, routes and every bundle untouched, and loses no record.
 */
class ConnectorHotDeployIT {

    /** A line of {@code bundle:list -t 0 -s --no-format}: id, state, level, version, symbolic name, tab-separated. */
    private static final Pattern BUNDLE_LINE = Pattern.compile("^\\s*(\\d+)\\t(\\w+)\\s*\\t.*\\t(\\S+)\\s*$");

    /** A feature file an integration engineer drops into deploy/: installs the ecology connector. */
    private static final String DEPLOYED_FEATURE = """
            <features name="ecology-connector" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
              <feature name="ecology-connector" version="1.0.0" install="auto">
                <feature>creditgate-connector-ecology</feature>
              </feature>
            </features>
            """;

    @AutoClose
    private KarafInstance karaf;

    @Test
    void otherConnectorsComeAndGoWhileSamrIngests() throws Exception {
        karaf = KarafInstance.fresh("hotdeploy").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        String samrBoundAt = connector("rest-scjgj").path("boundAt").asText();
        Map<String, String> bundlesBefore = bundles();

        Load load = new Load(new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token"));
        Thread pusher = new Thread(load, "samr-load");
        pusher.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted.size() >= 100);

        // 1. a config-only connector instance: drop its .cfg into etc/, use it, reconfigure it, remove it
        Path cfg = karaf.home.resolve("etc/org.creditgate.connector.rest-demo.cfg");
        Files.writeString(cfg, "department = demo\n", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(connector("rest-demo").path("state").asText()));
        HttpResponse<String> two = pushDemo(2);
        assertThat(two.statusCode()).as(two.body()).isEqualTo(200);

        Files.writeString(cfg, "department = demo\nmaxRecords = 1\n", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> pushDemo(2).statusCode() == 413);

        // a bad key fails that instance only: DOWN with the PID and the key, the gateway DEGRADED but serving
        Files.writeString(cfg, "department = demo\nmaxRecords = many\n", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(connector("rest-demo").path("state").asText()));
        HttpResponse<String> health = karaf.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode report = Samples.JSON.readTree(health.body());
        assertThat(report.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(report.path("components")).anySatisfy(c -> {
            assertThat(c.path("component").asText()).isEqualTo("connector:rest-demo");
            assertThat(c.path("state").asText()).isEqualTo("DOWN");
            assertThat(c.path("detail").asText()).contains("org.creditgate.connector.rest").contains("maxRecords");
        });

        Files.delete(cfg);
        await().atMost(Duration.ofSeconds(30)).until(() -> connectorStatus("rest-demo") == 404);

        // 2. connector features installed from the feature repository while samr ingests, then removed. The court's
        //    SOAP client is the risky one: CXF JAX-WS bundles arriving late would refresh cxf-core and the core
        karaf.installFeature("creditgate-connector-tax");
        karaf.installFeature("creditgate-connector-court");
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(connector("file-swj").path("state").asText())
                && "RUNNING".equals(connector("court-zjfy").path("state").asText()));
        assertThat(karaf.log()).as("no bundle refresh").doesNotContain("which is being refreshed")
                .doesNotContain("Should be wired to");
        // (Karaf removes a type's bundle with its department's feature: nothing else needs it)
        assertThat(karaf.client("feature:uninstall creditgate-connector-tax")).doesNotContain("Error");
        assertThat(karaf.client("feature:uninstall creditgate-connector-court")).doesNotContain("Error");
        await().atMost(Duration.ofSeconds(30)).until(() -> connectorStatus("file-swj") == 404
                && connectorStatus("court-zjfy") == 404);

        // 3. another connector deployed by dropping a feature file into deploy/, and undeployed by deleting it
        Path deployed = karaf.home.resolve("deploy/ecology-connector.xml");
        Files.writeString(deployed, DEPLOYED_FEATURE, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> connectorStatus("table-sthjj") == 200);
        Files.delete(deployed);
        await().atMost(Duration.ofSeconds(60)).until(() -> !karaf.client("feature:list -i").contains("creditgate-connector-table "));

        await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted.size() >= 300);
        load.stop.set(true);
        pusher.join(60_000);

        assertThat(load.failures).as("failed pushes").isEmpty();
        // Karaf lists an uninstalled bundle under "Refreshing bundles" too; any other bundle names its reason
        assertThat(karaf.log()).as("no bundle refreshed by any of it").doesNotContain("which is being refreshed")
                .doesNotContain("Should be wired to");
        assertThat(connector("rest-scjgj").path("boundAt").asText()).as("samr instance never re-created")
                .isEqualTo(samrBoundAt);
        Map<String, String> bundlesAfter = bundles();
        bundlesBefore.forEach((id, stateAndName) -> assertThat(bundlesAfter.get(id))
                .as("bundle %s after the deployments", stateAndName).isEqualTo(stateAndName));
        JsonNode metrics = connector("rest-scjgj").path("metrics");
        assertThat(metrics.path("accepted").asLong()).as("accepted by the samr connector").isEqualTo(load.accepted.size());
        for (String id : List.copyOf(load.accepted).subList(0, 50)) {
            assertThat(karaf.get("/records/" + id, "scjgj-demo-token").statusCode()).as(id).isEqualTo(200);
        }
    }

    private HttpResponse<String> pushDemo(int n) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(SamrSimulator.penalty(900_000 + i));
        }
        return karaf.post("/connectors/rest-demo/records", KarafInstance.DEMO_TOKEN, "application/json",
                Samples.json(Map.of("records", records)));
    }

    private JsonNode connector(String id) throws Exception {
        return karaf.connector(id);
    }

    private int connectorStatus(String id) throws Exception {
        return karaf.operator("GET", "/connectors/" + id, null).statusCode();
    }

    /** bundle id → state and symbolic name, from the console. */
    private Map<String, String> bundles() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String line : karaf.client("bundle:list -t 0 -s --no-format").split("\n")) {
            Matcher m = BUNDLE_LINE.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), m.group(2) + " " + m.group(3));
            }
        }
        assertThat(out).as("bundles listed").hasSizeGreaterThan(100);
        return out;
    }

    /** Pushes batches of 20 new records until stopped; keeps the accepted record ids and any failure. */
    private static final class Load implements Runnable {
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger next = new AtomicInteger(1);
        private final SamrSimulator bureau;

        Load(SamrSimulator bureau) {
            this.bureau = bureau;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                int first = next.getAndAdd(20);
                try {
                    SamrSimulator.Answer a = bureau.push(SamrSimulator.penalties(first, 20));
                    if (a.status() != 200 || a.body().path("accepted").asInt() != 20) {
                        failures.add("batch " + first + ": HTTP " + a.status() + " " + a.body());
                    }
                    a.body().path("results").forEach(r -> accepted.add(r.path("recordId").asText()));
                } catch (Exception e) {
                    failures.add("batch " + first + ": " + e);
                }
            }
        }
    }
}
