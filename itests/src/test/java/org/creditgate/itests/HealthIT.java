package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Progress health in a booted distribution with the shipped health thresholds: two court connectors poll two court
 * simulators; one court hangs (accepts calls and never answers — its threads and routes stay "Started"), and within
 * 60 s its connector is DOWN with the stall as the reason while the other stays UP and keeps moving records; the
 * supervisor restarts the stalled one; when the court answers again it is UP and its records arrive. The gateway
 * stays ready and live all along.
 */
class HealthIT {

    private static final Duration DETECTED = Duration.ofSeconds(60);
    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final CourtSimulator stalling = new CourtSimulator().start(0);
    @AutoClose
    private final CourtSimulator healthy = new CourtSimulator().start(0);

    @Test
    void aHungSourceTakesItsConnectorDownWithinAMinuteAndRecoveryBringsItBack() throws Exception {
        for (int n = 1; n <= 3; n++) {
            stalling.add(DemoExecutees.person(n));
            healthy.add(DemoExecutees.person(100 + n));
        }
        karaf = KarafInstance.fresh("health");
        Files.writeString(karaf.home.resolve("etc/org.creditgate.departments.cfg"),
                "\nxmfy.name = 厦门市中级人民法院\nxmfy.token = xmfy-token\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.installFeature("creditgate-connector-court");
        // the client's own call deadline far beyond the test: only progress health may notice the hang
        String common = "\naccount = " + CourtSimulator.ACCOUNT + "\npassword = " + CourtSimulator.PASSWORD
                + "\npollPeriod = 1s\ninitialDelay = 1s\npageSize = 4\nreceiveTimeout = 600s\n";
        karaf.writeEtc("org.creditgate.connector.court-zjfy.cfg", "department = zjfy\nendpoint = " + stalling.url()
                + common);
        karaf.writeEtc("org.creditgate.connector.court-xmfy.cfg", "department = xmfy\nendpoint = " + healthy.url()
                + common);
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-zjfy") == 3
                && karaf.ledgerVersions("court-xmfy") == 3);
        await().atMost(PROCESSED).untilAsserted(() -> {
            assertThat(component("connector:court-zjfy").path("state").asText()).isEqualTo("UP");
            assertThat(component("connector:court-xmfy").path("state").asText()).isEqualTo("UP");
        });

        stalling.hang();
        long t0 = System.nanoTime();
        await("court-zjfy DOWN").atMost(DETECTED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = health();
            assertThat(find(report, "connector:court-xmfy").path("state").asText()).as(report.toString())
                    .isEqualTo("UP");
            assertThat(find(report, "connector:court-zjfy").path("state").asText()).as(report.toString())
                    .isEqualTo("DOWN");
        });
        Duration detection = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("HealthIT: stall detected after " + detection.toMillis() + " ms");
        JsonNode down = component("connector:court-zjfy");
        assertThat(down.path("detail").asText()).as(down.toString()).contains("stalled", "without progress");
        JsonNode report = health();
        assertThat(report.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(karaf.get("/health", null).statusCode()).as("still ready").isEqualTo(200);
        assertThat(karaf.get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(karaf.get("/health/live", null).statusCode()).isEqualTo(200);

        // the healthy court keeps moving while its neighbour is stalled
        healthy.add(DemoExecutees.person(104));
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-xmfy") == 4);
        // the supervisor restarts the stalled connector (its polls stay stuck: the court still hangs)
        await("supervisor restart").atMost(PROCESSED).untilAsserted(() -> assertThat(
                component("connector:court-zjfy").path("detail").asText()).contains("supervisor: restart"));
        assertThat(component("connector:court-xmfy").path("state").asText()).isEqualTo("UP");

        stalling.recover();
        stalling.add(DemoExecutees.person(4));
        await("court-zjfy UP again").atMost(PROCESSED).untilAsserted(() -> assertThat(
                component("connector:court-zjfy").path("state").asText()).isEqualTo("UP"));
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-zjfy") == 4);
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(health().path("status").asText()).isEqualTo("UP"));
        String metrics = karaf.get("/metrics", null).body();
        assertThat(metrics).containsPattern("creditgate_connector_restarts_total\\{connector=\"court-zjfy\"[^}]*} [1-9]");
        assertThat(metrics).contains("creditgate_health_status{component=\"connector:court-xmfy\"} 2.0");

        // as alerts: the stall and its restart, DOWN and UP again — for the stalled connector only
        await("alerts listed").atMost(PROCESSED).untilAsserted(() -> {
            JsonNode alerts = Samples.JSON.readTree(karaf.operator("GET", "/alerts", null).body()).path("alerts");
            java.util.List<String> seen = new java.util.ArrayList<>();
            alerts.forEach(a -> seen.add(a.path("class").asText() + " " + a.path("severity").asText() + " "
                    + a.path("component").asText()));
            assertThat(seen).as(alerts.toString()).contains("STALL CRITICAL connector:court-zjfy",
                    "HEALTH CRITICAL connector:court-zjfy", "HEALTH INFO connector:court-zjfy")
                    .noneMatch(line -> line.endsWith("connector:court-xmfy"));
        });
    }

    private JsonNode health() throws Exception {
        return Samples.JSON.readTree(karaf.get("/health", null).body());
    }

    private JsonNode component(String name) throws Exception {
        return find(health(), name);
    }

    private static JsonNode find(JsonNode report, String name) {
        for (JsonNode c : report.path("components")) {
            if (c.path("component").asText().equals(name)) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }
}
