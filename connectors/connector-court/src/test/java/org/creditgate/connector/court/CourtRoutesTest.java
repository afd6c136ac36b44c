package org.creditgate.connector.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.NotifyBuilder;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.creditgate.connector.court.ws.ExecuteeChange;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The court route in a CamelContext against the court simulator (real SOAP over HTTP) and the test gateway (real
 * validation and ingest over an H2 ledger): watermark, pages, restart, faults, outages, deletions.
 */
class CourtRoutesTest extends ConnectorRouteTest<CourtConnector> {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POLL = "court-zjfy." + CourtRoutes.POLL;

    private CourtSimulator sim;

    @Override
    protected CourtConnector newConnector() {
        sim = new CourtSimulator().start(0);
        return connector();
    }

    private CourtConnector connector() {
        Map<String, Object> p = new HashMap<>();
        p.put("department", "zjfy");
        p.put(CourtSettings.ENDPOINT, sim.url());
        p.put(CourtSettings.ACCOUNT, CourtSimulator.ACCOUNT);
        p.put(CourtSettings.PASSWORD, CourtSimulator.PASSWORD);
        p.put(CourtSettings.POLL_PERIOD, "100ms");
        p.put(CourtSettings.INITIAL_DELAY, "0s");
        p.put(CourtSettings.PAGE_SIZE, "2");
        CourtConnector connector = new CourtConnector(p);
        assertThat(connector.problem()).isEmpty();
        return connector;
    }

    @AfterEach
    void stopAll() throws Exception {
        context.stop();
        sim.close();
    }

    private Optional<String> watermark() {
        return gateway.watermark().get();
    }

    private void awaitAccepted(long n) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.count(IngestStatus.ACCEPTED))
                .as("accepted; rejections %s", gateway.rejections()).isEqualTo(n));
    }

    @Test
    void readsIncrementallyAfterTheWatermarkInBoundedPages() {
        for (int n = 1; n <= 5; n++) {
            sim.add(DemoExecutees.person(n));
        }
        awaitAccepted(5);
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("5")));
        assertThat(gateway.results()).allSatisfy(r -> assertThat(r.results()).hasSizeLessThanOrEqualTo(2));
        assertThat(sim.requestedRows()).containsOnly(2);
        assertThat(sim.requestedAfterSeqs()).containsSubsequence(0L, 2L, 4L, 5L);

        ExecuteeChange sixth = sim.add(DemoExecutees.person(6));
        awaitAccepted(6);
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("6")));
        assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED)).as("nothing read twice").isZero();
        assertThat(gateway.enqueued()).hasSize(6);
        assertThat(gateway.lastSourceTime()).contains(sixth.getChangeTime().toGregorianCalendar().toInstant());
    }

    @Test
    void aRestartResumesFromTheWatermarkAndReadsNothingTwice() throws Exception {
        for (int n = 1; n <= 3; n++) {
            sim.add(DemoExecutees.person(n));
        }
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("3")));
        context.getRouteController().stopRoute(POLL);
        context.removeRoute(POLL);
        int callsBefore = sim.requestedAfterSeqs().size();

        sim.add(DemoExecutees.person(4));
        sim.add(DemoExecutees.person(5));
        context.addRoutes(connector().routes(gateway));
        awaitAccepted(5);
        assertThat(sim.requestedAfterSeqs().get(callsBefore)).as("first call after the restart").isEqualTo(3L);
        assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED)).isZero();
        assertThat(gateway.enqueued()).hasSize(5);
    }

    @Test
    void aSoapFaultKeepsTheWatermarkAndTheNextPollRetries() {
        sim.failNext(Integer.MAX_VALUE);
        sim.add(DemoExecutees.person(1));
        sim.add(DemoExecutees.person(2));
        await().atMost(WAIT).until(() -> sim.faultsServed() >= 3);
        assertThat(watermark()).isEmpty();
        assertThat(gateway.ingestCalls()).isZero();

        sim.failNext(0);
        awaitAccepted(2);
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("2")));
    }

    @Test
    void anUnreachableCourtIsRetriedUntilItAnswers() throws Exception {
        String url = sim.url();
        sim.close();
        NotifyBuilder failedPolls = new NotifyBuilder(context).fromRoute(POLL).whenDone(3).create();
        assertThat(failedPolls.matches(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(watermark()).isEmpty();

        int port = java.net.URI.create(url).getPort();
        sim = new CourtSimulator().start(port);
        sim.add(DemoExecutees.person(1));
        awaitAccepted(1);
        // the poll moves the watermark after the ingest call returns: wait for it rather than race it
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("1")));
    }

    @Test
    void anIngestFailureKeepsTheWatermarkAndTheRecordsAreReadAgain() {
        gateway.failIngest("broker down");
        sim.add(DemoExecutees.person(1));
        sim.add(DemoExecutees.person(2));
        await().atMost(WAIT).until(() -> gateway.ingestCalls() >= 3);
        assertThat(watermark()).isEmpty();

        gateway.failIngest(null);
        awaitAccepted(2);
        await().atMost(WAIT).until(() -> watermark().equals(Optional.of("2")));
        assertThat(gateway.enqueued()).hasSize(2);
    }

    @Test
    void aModificationIsANewVersionAndADeletionShieldsTheRecord() throws Exception {
        ExecuteeChange added = sim.add(DemoExecutees.person(1));
        awaitAccepted(1);
        String recordId = gateway.results().get(0).results().get(0).recordId();

        sim.modify(added.getCaseCode(), c -> c.setPerformance("部分履行"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(accepted()).extracting(RecordResult::version)
                .containsExactly(1, 2));
        ExecuteeChange deleted = sim.delete(added.getCaseCode(), "（2026）闽01执恢1号");
        await().atMost(WAIT).until(() -> gateway.enqueued().size() == 3);

        OutboundRecord shield = gateway.enqueued().get(2);
        assertThat(shield.dataset()).isEqualTo("SHIELD");
        JsonNode payload = SampleRecords.JSON.readTree(shield.payload());
        assertThat(payload.get("targetRecordId").asText()).isEqualTo(recordId);
        assertThat(payload.get("cause").asText()).isEqualTo("COURT_DELETED");
        Instant deletedAt = deleted.getChangeTime().toGregorianCalendar().toInstant();
        assertThat(gateway.lastSourceTime()).contains(deletedAt);
    }

    @Test
    void theLogNeverShowsAnIdNumber() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String broken = DemoExecutees.brokenIdNo(1);
            sim.add(DemoExecutees.person(1).setCardNum(broken));
            ExecuteeChange valid = sim.add(DemoExecutees.person(2));
            sim.delete(valid.getCaseCode(), null);
            await().atMost(WAIT).until(() -> watermark().equals(Optional.of("3")));
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("rejected seq 1 NEW").contains("E_ID_CHECK(idNo)")
                    .doesNotContain(broken).doesNotContain(valid.getCardNum());
        } finally {
            System.setErr(original);
        }
    }

    private List<RecordResult> accepted() {
        return gateway.results().stream().flatMap(r -> r.results().stream())
                .filter(r -> r.status() == IngestStatus.ACCEPTED).toList();
    }
}
