package org.creditgate.connector.envelope;

import org.creditgate.testkit.CapturedStderr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The send route against a stub upstream that answers with a chosen HTTP status: what is poison, what is retried
 * (in place, until the upstream accepts).
 * (The protocol paths — receipts, rejections, redelivery — are tested with the real simulators in the preset
 * modules connector-province and connector-creditchina.)
 */
class EnvelopeRoutesTest extends ConnectorRouteTest<EnvelopeConnector> {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REFUSAL =
            "{\"code\":\"E_REQUIRED\",\"field\":\"header.msgId\",\"msg\":\"msgId missing\"}";

    private final AtomicInteger answer = new AtomicInteger(400);
    private final AtomicReference<String> answerBody = new AtomicReference<>(REFUSAL);
    private final AtomicInteger requests = new AtomicInteger();
    /** Submits (POST) the stub answered 2xx, per msgId. */
    private final Map<String, Integer> submitsTaken = new ConcurrentHashMap<>();
    private HttpServer stub;

    @Override
    protected EnvelopeConnector newConnector() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        stub.createContext("/", ex -> {
            requests.incrementAndGet();
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.get();
            byte[] body = answerBody.get().getBytes(StandardCharsets.UTF_8);
            if ("POST".equals(ex.getRequestMethod()) && status / 100 == 2) {
                java.util.regex.Matcher msgId = java.util.regex.Pattern.compile("CG-[0-9a-f-]+-\\d+").matcher(request);
                submitsTaken.merge(msgId.find() ? msgId.group() : "?", 1, Integer::sum);
            }
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        stub.start();
        Map<String, Object> props = EnvelopeConfigCheck.shipped(EnvelopeConnectorTest.CFG);
        props.put("url", "http://127.0.0.1:" + stub.getAddress().getPort() + "/up/v1");
        return new EnvelopeConnector(props);
    }

    @AfterEach
    void stopStub() {
        // an exchange still retrying (upstream unreachable) is abandoned instead of awaited
        context.getShutdownStrategy().setTimeout(2);
        context.stop();
        if (stub != null) {
            stub.stop(0);
        }
    }

    private MockEndpoint dlq() {
        return getMockEndpoint(gateway.deadLetterUri());
    }

    private UpstreamMessage queued(String docNo) {
        return gateway.queuedForUpstream(SampleRecords.penalty(docNo));
    }

    private static String msgId(UpstreamMessage m) {
        return "CG-" + m.recordId() + "-" + m.version();
    }

    /** Sends on another thread: while the upstream is unavailable the exchange is retried in place and does not return. */
    private Future<Object> sendAsync(UpstreamMessage m, Map<String, Object> headers) {
        return template.asyncRequestBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), headers);
    }

    /** The error handler's WARN lines, one per failed attempt of this record's exchange. */
    private static Stream<String> retryLines(CapturedStderr log, UpstreamMessage m) {
        return log.text().lines().filter(l -> l.contains("WARN") && l.contains("Failed delivery for")
                && l.contains(UpstreamUnavailableException.class.getName()) && l.contains(msgId(m)));
    }

    /** From now on the stub answers every request with a synchronous receipt accepting these records. */
    private void upstreamAccepts(UpstreamMessage... accepted) {
        StringBuilder results = new StringBuilder();
        for (UpstreamMessage m : accepted) {
            results.append(results.length() == 0 ? "" : ",").append("{\"recordId\":\"").append(m.recordId())
                    .append("\",\"version\":").append(m.version()).append(",\"status\":\"ACCEPTED\",\"errors\":[]}");
        }
        answerBody.set("{\"ackFor\":\"" + msgId(accepted[0]) + "\",\"status\":\"ACCEPTED\",\"errors\":[],\"results\":["
                + results + "]}");
        answer.set(200);
    }

    private DeliveryState state(UpstreamMessage m) {
        return gateway.delivery(m.recordId(), m.version()).orElseThrow().state();
    }

    @Test
    void anUnreadableBodyIsDeadLetteredPoisonWithoutCallingTheUpstream() throws Exception {
        dlq().expectedMessageCount(1);
        dlq().expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "POISON");

        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), "{\"dataset\":\"NOPE\"}",
                Map.of(GatewayHeaders.RECORD_ID, "r-1", GatewayHeaders.VERSION, 1));

        dlq().assertIsSatisfied();
        assertThat(dlq().getExchanges().get(0).getMessage().getHeader(GatewayHeaders.ERROR_REASON, String.class))
                .startsWith("unreadable message:");
        assertThat(dlq().getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("{\"dataset\":\"NOPE\"}");
        assertThat(requests.get()).isZero();
    }

    @Test
    void anEnvelopeRefusedWith400IsPoisonAndTheLedgerKeepsItQueued() throws Exception {
        UpstreamMessage m = queued("榕市监罚〔2026〕21号");
        dlq().expectedMessageCount(1);
        dlq().expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "POISON");
        dlq().expectedBodiesReceived(m.body());

        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());

        dlq().assertIsSatisfied();
        assertThat(dlq().getExchanges().get(0).getMessage().getHeader(GatewayHeaders.ERROR_REASON, String.class))
                .contains("HTTP 400").contains("E_REQUIRED header.msgId: msgId missing");
        assertThat(gateway.delivery(m.recordId(), m.version()).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(gateway.rejections()).isEmpty();
    }

    @Test
    void aStaleVerdictOnAReplayedDeadLetterIsRemovedBeforeSending() throws Exception {
        answer.set(503);
        UpstreamMessage m = queued("榕市监罚〔2026〕22号");
        Map<String, Object> replayed = new java.util.HashMap<>(m.headers());
        replayed.put(GatewayHeaders.ERROR_CLASS, "VALIDATION");
        replayed.put(GatewayHeaders.ERROR_REASON, "E_RULE penaltyKinds: rejected before");
        dlq().expectedMessageCount(0);

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = sendAsync(m, replayed);

            await().atMost(WAIT).until(() -> retryLines(log, m).findAny().isPresent());
            assertThat(sending).as("retried in place, not dead-lettered on its old verdict").isNotDone();
            assertThat(state(m)).isEqualTo(DeliveryState.QUEUED);

            upstreamAccepts(m);
            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(state(m)).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(submitsTaken).containsExactly(Map.entry(msgId(m), 1));
        dlq().assertIsSatisfied();
    }

    @Test
    void unavailableAnswersAreRetriedInPlaceNeverDeadLetteredUntilTheUpstreamAccepts() throws Exception {
        dlq().expectedMessageCount(0);
        List<Integer> statuses = List.of(500, 503, 401, 404, 429);
        Map<UpstreamMessage, Future<Object>> sending = new LinkedHashMap<>();
        try (CapturedStderr log = CapturedStderr.start()) {
            for (int status : statuses) {
                answer.set(status);
                UpstreamMessage m = queued("榕市监罚〔2026〕23-" + status + "号");
                sending.put(m, sendAsync(m, m.headers()));
                await().atMost(WAIT).untilAsserted(() -> assertThat(retryLines(log, m)).as("HTTP %d", status)
                        .anySatisfy(l -> assertThat(l).contains("submit " + msgId(m) + ": HTTP " + status)));
            }
            assertThat(sending.values()).as("all waiting for the upstream").noneMatch(Future::isDone);
            assertThat(sending.keySet()).allSatisfy(m -> assertThat(state(m)).isEqualTo(DeliveryState.QUEUED));
            assertThat(submitsTaken).isEmpty();
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");

            upstreamAccepts(sending.keySet().toArray(UpstreamMessage[]::new));
            for (Future<Object> f : sending.values()) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        assertThat(sending.keySet()).allSatisfy(m -> {
            assertThat(state(m)).isEqualTo(DeliveryState.ACCEPTED);
            assertThat(submitsTaken).as("submitted once when back").containsEntry(msgId(m), 1);
        });
        dlq().assertIsSatisfied();
        assertThat(gateway.rejections()).isEmpty();
    }

    @Test
    void anUnreachableUpstreamIsRetriedWithoutEnd() throws Exception {
        UpstreamMessage m = queued("榕市监罚〔2026〕24号");
        dlq().expectedMessageCount(0);
        stub.stop(0);

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = sendAsync(m, m.headers());

            await().atMost(WAIT).until(() -> retryLines(log, m).count() >= 2);
            assertThat(sending).as("still retrying").isNotDone();
            assertThat(retryLines(log, m)).allSatisfy(l -> assertThat(l).contains("did not answer"))
                    .anySatisfy(l -> assertThat(l).contains("On delivery attempt: 1"));
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");
        }
        assertThat(state(m)).isEqualTo(DeliveryState.QUEUED);
        dlq().assertIsSatisfied();
        // the retrying exchange is abandoned when the context stops (short shutdown timeout, see stopStub)
    }

    @Test
    void aSyncInstanceHasOnlyItsSendRoute() {
        EnvelopeConfigCheck.assertRouteIdsPrefixed(context, connector.descriptor(), List.of("send"));
    }

}
