package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The court reference connector installed into a running distribution: it pulls 失信被执行人 from the court's SOAP
 * service (the simulator, a real CXF server), rejects the broken one with its field, turns a court deletion into a
 * shield, and after a kill -9 in the middle of a read resumes from its watermark with nothing lost or doubled.
 */
class CourtConnectorIT {

    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final CourtSimulator court = new CourtSimulator().start(0);

    @Test
    void executeesMoveFromTheCourtIntoTheLedgerAcrossACrash() throws Exception {
        for (int n = 1; n <= 10; n++) {
            court.add(DemoExecutees.person(n));
        }
        court.add(DemoExecutees.person(11).setCardNum(DemoExecutees.brokenIdNo(11)));

        karaf = KarafInstance.fresh("court").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.installFeature("creditgate-connector-court");
        karaf.writeEtc("org.creditgate.connector.court-zjfy.cfg", "department = zjfy\nendpoint = " + court.url()
                + "\naccount = " + CourtSimulator.ACCOUNT + "\npassword = " + CourtSimulator.PASSWORD
                + "\npollPeriod = 1s\ninitialDelay = 1s\npageSize = 4\n");

        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-zjfy") == 10);
        JsonNode rejections = Samples.JSON.readTree(karaf.get("/rejections", "zjfy-demo-token").body());
        assertThat(rejections.path("rejections")).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("\"field\":\"idNo\""));
        // the watermark moves just after a page's ingest returned: wait for it rather than race it
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(karaf.connector("court-zjfy").path("watermark").asText())
                .isEqualTo(String.valueOf(court.lastSeq())));

        // ten more, and the gateway dies while it reads them
        for (int n = 20; n < 30; n++) {
            court.add(DemoExecutees.person(n));
        }
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-zjfy") > 10);
        karaf.kill9();
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        await().atMost(PROCESSED).until(() -> karaf.connector("court-zjfy").path("watermark").asText()
                .equals(String.valueOf(court.lastSeq())));
        assertThat(karaf.ledgerVersions("court-zjfy")).as("each executee stored once").isEqualTo(20);

        // the court deletes one: a SHIELD record (cause COURT_DELETED) reaches the ledger
        court.delete(DemoExecutees.person(3).getCaseCode(), "（2026）闽01执恢3号 已全部履行");
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("court-zjfy") == 21);
        assertThat(karaf.connector("court-zjfy").path("metrics").path("rejected").asLong()).isZero();
    }
}
