package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The feature repository installs into a stock Apache Karaf 4.4 with the two documented commands, and the gateway
 * it installs accepts records.
 */
class StockKarafIT {

    /** Killed after the test whatever happened (JUnit closes it). */
    @AutoClose
    private KarafInstance karaf;

    @Test
    void repoAddAndFeatureInstallGiveAWorkingGateway() throws Exception {
        karaf = KarafInstance.stock("stock").start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.client("system:version").contains("4.4."));

        String version = System.getProperty("creditgate.version", "0.1.0-SNAPSHOT");
        String added = karaf.client("feature:repo-add mvn:org.creditgate/creditgate-features/" + version + "/xml/features");
        assertThat(added).doesNotContainIgnoringCase("error");
        String installed = karaf.client("feature:install creditgate");
        assertThat(installed).doesNotContainIgnoringCase("error");

        karaf.awaitHealthy(Duration.ofSeconds(120));
        assertThat(karaf.client("feature:list -i")).contains("creditgate-core", "creditgate-broker");

        HttpResponse<String> r = karaf.post("/records", KarafInstance.DEMO_TOKEN, "application/json",
                Samples.json(Samples.orgPenalty("榕市监罚〔2026〕3001号")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = Samples.JSON.readTree(r.body()).path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("ACCEPTED");
    }
}
