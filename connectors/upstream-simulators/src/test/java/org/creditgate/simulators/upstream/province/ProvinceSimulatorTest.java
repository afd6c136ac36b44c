package org.creditgate.simulators.upstream.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.ORG_USCC;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.penalty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.TestEnvelopes;
import org.creditgate.simulators.upstream.core.TestHttp;
import org.creditgate.simulators.upstream.core.TestHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvinceSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProvinceSimulator sim;

    @BeforeEach
    void start() {
        sim = new ProvinceSimulator().start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void batchIsAnswered202AndItsReceiptIsPolledAndTheRecordsAreHeld() {
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .item("r2", 1, "ADD", penalty("913501007000000001", "罚款"));

        Answer sent = TestHttp.post(sim.url() + "/batches", env.json());

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(sent.body().path("receiptUrl").asText()).isEqualTo(sim.url() + "/receipts/" + env.msgId());
        JsonNode receipt = awaitReceipt(env.msgId());
        assertThat(receipt.path("ackFor").asText()).isEqualTo(env.msgId());
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("received").asInt()).isEqualTo(2);
        assertThat(receipt.path("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.path("results")).extracting(r -> r.path("recordId").asText()).containsExactly("r1", "r2");
        assertThat(sim.store().data()).extracting(StoredItem::recordId).containsExactly("r1", "r2");

        JsonNode holdings = TestHttp.get(sim.url() + "/holdings?dataset=PENALTY").body();
        assertThat(holdings.path("count").asInt()).isEqualTo(2);
        assertThat(holdings.path("holdings").get(0).path("version").asInt()).isEqualTo(1);
        JsonNode status = TestHttp.get(sim.url() + "/status?recordId=r1&version=1").body();
        assertThat(status.path("held").asBoolean()).isTrue();
        assertThat(status.path("lastResult").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(TestHttp.get(sim.url() + "/status?msgId=" + env.msgId()).body().path("state").asText())
                .isEqualTo("DONE");
    }

    @Test
    void countOrDigestMismatchRejectsTheWholeBatchAndStoresNothing() {
        TestEnvelopes badCount = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .recordCount(2);
        TestEnvelopes badDigest = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .digest("00".repeat(32));

        TestHttp.post(sim.url() + "/batches", badCount.json());
        TestHttp.post(sim.url() + "/batches", badDigest.json());

        JsonNode r1 = awaitReceipt(badCount.msgId());
        assertThat(r1.path("status").asText()).isEqualTo("REJECTED");
        assertThat(r1.path("received").asInt()).isEqualTo(1);
        assertThat(r1.path("errors").get(0).path("code").asText()).isEqualTo("E_COUNT");
        assertThat(r1.path("results").get(0).path("errors").get(0).path("code").asText()).isEqualTo("E_COUNT");
        assertThat(awaitReceipt(badDigest.msgId()).path("errors").get(0).path("code").asText()).isEqualTo("E_DIGEST");
        assertThat(sim.store().data()).isEmpty();
        assertThat(sim.store().holdings()).isEmpty();
    }

    @Test
    void lateReceiptIsPendingUntilReleased() {
        sim.misbehaviour().receiptDelay(Duration.ofMillis(800));
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"));

        TestHttp.post(sim.url() + "/batches", env.json());

        Answer early = TestHttp.get(sim.url() + "/receipts/" + env.msgId());
        assertThat(early.status()).isEqualTo(202);
        assertThat(early.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(TestHttp.get(sim.url() + "/status?msgId=" + env.msgId()).body().path("state").asText())
                .isEqualTo("PENDING");
        assertThat(sim.store().data()).hasSize(1); // stored at once, only the receipt is late
        assertThat(awaitReceipt(env.msgId()).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(TestHttp.get(sim.url() + "/receipts/unknown-msg").status()).isEqualTo(404);
    }

    @Test
    void receiptsAreCalledBackAndDuplicatedInTheFeedWhenToldTo() throws IOException {
        List<JsonNode> callbacks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/receipts", ex -> {
            callbacks.add(Json.read(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            sim.callbackUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts");
            sim.misbehaviour().duplicateReceipts(1);
            TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"));

            TestHttp.post(sim.url() + "/batches", env.json());

            await().atMost(WAIT).until(() -> callbacks.size() == 2);
            assertThat(callbacks).extracting(c -> c.path("ackFor").asText()).containsExactly(env.msgId(), env.msgId());
            assertThat(sim.callbacksSent()).isEqualTo(2);
            JsonNode feed = TestHttp.get(sim.url() + "/receipts?after=0").body();
            assertThat(feed.path("receipts")).extracting(e -> e.path("seq").asInt()).containsExactly(1, 2);
            assertThat(feed.path("last").asInt()).isEqualTo(2);
            assertThat(TestHttp.get(sim.url() + "/receipts?after=2").body().path("receipts")).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void outageAnswers503AndStoresNothingUntilItEnds() {
        sim.misbehaviour().outageFor(Duration.ofMinutes(5));
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"));

        assertThat(TestHttp.post(sim.url() + "/batches", env.json()).status()).isEqualTo(503);
        assertThat(TestHttp.get(sim.url() + "/holdings").status()).isEqualTo(503);
        assertThat(sim.store().data()).isEmpty();

        sim.misbehaviour().clearOutages();
        assertThat(TestHttp.post(sim.url() + "/batches", env.json()).status()).isEqualTo(202);
        assertThat(sim.store().data()).hasSize(1);
    }

    @Test
    void rejectRuleMakesAPartialReceiptAndResendsAreCountedAsDuplicates() {
        sim.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "CF_CFLB", "警告", "E_NOT_PUBLISHED"));
        TestEnvelopes first = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .item("r2", 1, "ADD", penalty(ORG_USCC, "警告"));
        TestEnvelopes resend = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"));

        TestHttp.post(sim.url() + "/batches", first.json());
        TestHttp.post(sim.url() + "/batches", resend.json());

        JsonNode receipt = awaitReceipt(first.msgId());
        assertThat(receipt.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("rejected").asInt()).isEqualTo(1);
        assertThat(receipt.path("results").get(1).path("errors").get(0).path("code").asText())
                .isEqualTo("E_NOT_PUBLISHED");
        assertThat(awaitReceipt(resend.msgId()).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(sim.store().duplicates()).containsOnlyKeys("DATA:r1:1").containsValue(1);
        assertThat(sim.store().holding("r2")).isEmpty();
    }

    @Test
    void shieldIsStoredApartAndUnknownOrStaleRecordsAreRejected() {
        TestHttp.post(sim.url() + "/batches", TestEnvelopes.data("PENALTY")
                .item("r1", 2, "ADD", penalty(ORG_USCC, "罚款")).json());
        TestEnvelopes shield = TestEnvelopes.shield("PENALTY").shieldItem("r1", 2, "REPAIR")
                .shieldItem("never-sent", 1, "REPAIR");
        TestEnvelopes stale = TestEnvelopes.data("PENALTY").item("r1", 1, "UPDATE", penalty(ORG_USCC, "罚款"));

        TestHttp.post(sim.url() + "/batches", shield.json());
        TestHttp.post(sim.url() + "/batches", stale.json());

        JsonNode receipt = awaitReceipt(shield.msgId());
        assertThat(receipt.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("results").get(1).path("errors").get(0).path("code").asText())
                .isEqualTo("E_UNKNOWN_RECORD");
        assertThat(awaitReceipt(stale.msgId()).path("results").get(0).path("errors").get(0).path("code").asText())
                .isEqualTo("E_STALE_VERSION");
        assertThat(sim.store().shields()).singleElement().extracting(StoredItem::recordId).isEqualTo("r1");
        JsonNode holding = TestHttp.get(sim.url() + "/holdings").body().path("holdings").get(0);
        assertThat(holding.path("shielded").asBoolean()).isTrue();
        assertThat(holding.path("shieldCause").asText()).isEqualTo("REPAIR");
        assertThat(TestHttp.get(sim.url() + "/status?recordId=r1&version=2&msgType=SHIELD").body()
                .path("lastResult").path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void adminApiDrivesARunningSimulator() {
        String admin = sim.baseUrl() + "/admin";
        assertThat(TestHttp.post(admin + "/outage?seconds=60", "").body().path("misbehaviour")
                .path("inOutage").asBoolean()).isTrue();
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"));
        assertThat(TestHttp.post(sim.url() + "/batches", env.json()).status()).isEqualTo(503);
        TestHttp.delete(admin + "/outage");

        TestHttp.post(admin + "/drop?recordId=r1", "");
        TestHttp.post(admin + "/phantom?recordId=ghost&version=4&dataset=PENALTY", "");
        TestHttp.post(admin + "/fail-next?count=1", "");
        assertThat(TestHttp.post(sim.url() + "/batches", env.json()).status()).isEqualTo(500);
        assertThat(TestHttp.post(sim.url() + "/batches", env.json()).status()).isEqualTo(202);

        assertThat(awaitReceipt(env.msgId()).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode state = TestHttp.get(admin + "/state").body();
        assertThat(state.path("received").asInt()).isZero();
        assertThat(state.path("dropped").asInt()).isEqualTo(1);
        assertThat(TestHttp.get(admin + "/holdings").body().path("holdings")).extracting(h -> h.path("recordId")
                .asText()).containsExactly("ghost");
        assertThat(TestHttp.post(admin + "/reset?data=true", "").body().path("holdings").asInt()).isZero();
        assertThat(TestHttp.get(admin + "/nonsense").status()).isEqualTo(404);
    }

    @Test
    void latencyDelaysEveryAnswerAndTheSeededErrorRateFailsTheSameRequestsEveryRun() {
        sim.misbehaviour().latency(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(TestHttp.get(sim.url() + "/holdings").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        TestHttp.post(sim.baseUrl() + "/admin/latency?ms=0", "");
        TestHttp.post(sim.baseUrl() + "/admin/error-rate?rate=0.5&seed=7", "");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(TestHttp.get(sim.url() + "/holdings").status());
        }
        java.util.Random same = new java.util.Random(7);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(same.nextDouble() < 0.5 ? 500 : 200);
        }
        assertThat(statuses).isEqualTo(expected).contains(200, 500);
        assertThat(sim.misbehaviour().failuresServed()).isEqualTo(java.util.Collections.frequency(expected, 500));
    }

    private JsonNode awaitReceipt(String msgId) {
        String url = sim.url() + "/receipts/" + msgId;
        return await().atMost(WAIT).until(() -> TestHttp.get(url), a -> a.status() == 200).body();
    }
}
