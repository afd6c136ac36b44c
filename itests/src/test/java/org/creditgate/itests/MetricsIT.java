package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/metrics after a run: the output passes a real Prometheus parser ({@code promtool check metrics}, from
 * Debian's prometheus package — required in CI, where CI=true; skipped with a message elsewhere when it is not
 * installed), and the connector and upstream counters equal what the ledger holds.
 */
class MetricsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final CreditChinaSimulator creditchina = new CreditChinaSimulator().start(0);

    @Test
    void metricsParseAsPrometheusTextAndCountersMatchTheLedger() throws Exception {
        Path promtool = promtool();
        karaf = KarafInstance.fresh("metrics").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.writeEtc("org.creditgate.connector.envelope-creditchina.cfg", "department = creditchina\nurl = "
                + creditchina.url() + "\nsubmitPath = /records\nreceipts = SYNC\npublicView = true\n");
        karaf.installFeature("creditgate-connector-creditchina");
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        List<ObjectNode> records = new ArrayList<>(SamrSimulator.penalties(1, 8));
        records.add(SamrSimulator.badPenalty(9));
        records.add(SamrSimulator.badPenalty(10));
        SamrSimulator.Answer answer = bureau.push(records);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<String> accepted = new ArrayList<>();
        answer.body().path("results").forEach(r -> {
            if (r.path("status").asText().equals("ACCEPTED")) {
                accepted.add(r.path("recordId").asText());
            }
        });
        assertThat(accepted).hasSize(8);
        await().atMost(SOON).until(() -> accepted.stream().allMatch(id -> creditchina.store().holds(id, 1)));
        await().atMost(SOON).until(() -> acceptedDeliveries(accepted, "creditchina") == accepted.size());

        await().atMost(SOON).untilAsserted(() -> {
            String health = karaf.get("/health", null).body();
            assertThat(health).as(health).contains("{\"component\":\"upstream:creditchina\",\"state\":\"UP\"");
        });
        String text = karaf.get("/metrics", null).body();
        Path file = karaf.home.resolve("metrics.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (promtool != null) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("promtool check metrics:\n" + out).isZero();
        }

        long ledgerVersions = karaf.ledgerVersions("rest-scjgj");
        long ledgerRejections = Samples.JSON.readTree(karaf.get("/rejections", "scjgj-demo-token").body())
                .path("rejections").size();
        assertThat(ledgerVersions).isEqualTo(8);
        assertThat(ledgerRejections).isEqualTo(2);
        String scjgj = "connector=\"rest-scjgj\"";
        assertThat(value(text, "creditgate_connector_received_total", scjgj)).isEqualTo(10);
        assertThat(value(text, "creditgate_connector_accepted_total", scjgj)).isEqualTo(ledgerVersions);
        assertThat(value(text, "creditgate_connector_rejected_total", scjgj)).isEqualTo(ledgerRejections);
        long acked = acceptedDeliveries(accepted, "creditchina");
        String cc = "upstream=\"creditchina\"";
        assertThat(value(text, "creditgate_upstream_sent_total", cc)).isEqualTo(acked);
        assertThat(value(text, "creditgate_upstream_acked_total", cc)).isEqualTo(acked);
        assertThat(value(text, "creditgate_upstream_rejected_total", cc)).isZero();
        assertThat(value(text, "creditgate_upstream_dlq_depth", cc)).isZero();
        assertThat(value(text, "creditgate_upstream_push_seconds_count", cc)).isPositive();
        assertThat(text).as(karaf.get("/health", null).body())
                .contains("creditgate_health_status{component=\"upstream:creditchina\"} 2.0");
        assertThat(text).contains("camel_exchanges_total{", "creditgate_upstream_queue_depth{lane=\"scheduled\"",
                "creditgate_upstream_shields_pending_ack{", "creditgate_upstream_deadline_records{",
                "creditgate_connector_watermark_lag_seconds{");
    }

    /** promtool, or null locally when it is missing (a failure in CI). */
    private static Path promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String hint = "promtool not found: install Debian's prometheus package "
                + "(apt-get install -y --no-install-recommends prometheus; .ci/run does it in CI)";
        assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as(hint).isFalse();
        Assumptions.abort(hint);
        return null;
    }

    private long acceptedDeliveries(List<String> recordIds, String upstream) throws Exception {
        long n = 0;
        for (String id : recordIds) {
            for (JsonNode d : Samples.JSON.readTree(karaf.get("/records/" + id, "scjgj-demo-token").body())
                    .path("deliveries")) {
                if (d.path("upstream").asText().equals(upstream) && d.path("state").asText().equals("ACCEPTED")) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The sample of {@code name} whose labels contain {@code label}, as a whole number. */
    private static long value(String text, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return (long) Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + "{" + label + "} not in the metrics:\n" + text);
    }
}
