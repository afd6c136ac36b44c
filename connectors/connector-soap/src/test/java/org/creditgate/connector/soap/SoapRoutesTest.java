package org.creditgate.connector.soap;

import org.creditgate.testkit.CapturedStderr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SOAP sink's route against the national simulator (a real CXF server) and the test gateway's ledger: accepted,
 * idempotent resend, refusal to the ledger, the department and the DLQ, outage and unreachable platform (the exchange
 * is retried in place, one WARN line per attempt, nothing is marked until the platform answers), poison.
 */
class SoapRoutesTest extends ConnectorRouteTest<SoapConnector> {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static int docNo;

    private NationalSimulator sim;

    @Override
    protected SoapConnector newConnector() {
        sim = new NationalSimulator().start(0, 0);
        Map<String, Object> p = new HashMap<>();
        p.put("department", "national");
        p.put(SoapSettings.ENDPOINT, sim.url());
        p.put(SoapSettings.RECEIVE_TIMEOUT, "5s");
        return new SoapConnector(p);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        // an exchange still retrying (platform unreachable) is abandoned instead of awaited
        context.getShutdownStrategy().setTimeout(2);
        context.stop();
        sim.close();
    }

    private UpstreamMessage queued() {
        var record = SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔2026〕" + (++docNo) + "号"),
                LocalDate.now(TestGateway.ZONE).minusDays(3));
        return gateway.queuedForUpstream(record);
    }

    private void send(UpstreamMessage m) {
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());
    }

    /** Sends on another thread: while the platform is down the exchange is retried in place and does not return. */
    private Future<Object> sendAsync(UpstreamMessage m) {
        return template.asyncRequestBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());
    }

    /** The error handler's WARN lines, one per failed attempt (the test has only this exchange in flight). */
    private static Stream<String> retryLines(CapturedStderr log) {
        return log.text().lines().filter(l -> l.contains("WARN") && l.contains("Failed delivery for")
                && l.contains(UpstreamUnavailableException.class.getName()));
    }

    private DeliveryState state(UpstreamMessage m) {
        return gateway.delivery(m.recordId(), m.version()).orElseThrow().state();
    }

    private MockEndpoint dlq() {
        return getMockEndpoint(gateway.deadLetterUri());
    }

    @Test
    void aDeliveredRecordIsAcceptedWithTheReceiptId() throws Exception {
        dlq().expectedMessageCount(0);
        UpstreamMessage m = queued();
        assertThat(state(m)).isEqualTo(DeliveryState.QUEUED);

        send(m);

        var d = gateway.delivery(m.recordId(), m.version()).orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(d.receiptId()).isEqualTo("350100-" + m.recordId() + "-v1");
        assertThat(sim.store().holds(m.recordId(), 1)).isTrue();
        var stored = sim.store().data().get(0);
        assertThat(stored.dataset()).isEqualTo("PENALTY");
        assertThat(stored.op()).isEqualTo("ADD");
        assertThat(stored.subjectKey()).as("subject found in the flattened data").isEqualTo(SampleRecords.ORG_USCC);
        assertThat(sim.intake().receipt(d.receiptId())).hasValueSatisfying(r -> assertThat(r.errors())
                .as("digest and count are right").isEmpty());
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void theSameMessageTwiceIsHeldOnce() throws Exception {
        dlq().expectedMessageCount(0);
        UpstreamMessage m = queued();

        send(m);
        send(m); // a redelivery after a crash between the receipt and the commit

        assertThat(sim.store().holdings()).containsOnlyKeys(m.recordId());
        assertThat(sim.store().holds(m.recordId(), 1)).isTrue();
        assertThat(sim.store().timesReceived(m.recordId(), 1)).as("the upstream answers a resend again").isEqualTo(2);
        assertThat(state(m)).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(gateway.rejections()).isEmpty();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aRefusedRecordIsRejectedReportedToTheDepartmentAndDeadLettered() throws Exception {
        UpstreamMessage m = queued();
        sim.misbehaviour().reject(new RejectRule("this record", in -> m.recordId().equals(in.item().recordId()),
                new RecordError("E_RULE", "penaltyKinds", "处罚类别不予归集")));
        MockEndpoint dlq = dlq();
        dlq.expectedMessageCount(1);
        dlq.expectedBodiesReceived(m.body());
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "VALIDATION");
        dlq.expectedHeaderReceived(GatewayHeaders.RECORD_ID, m.recordId());

        send(m);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(dlq.getExchanges().get(0).getIn().getHeader(GatewayHeaders.ERROR_REASON, String.class))
                .contains("E_RULE(penaltyKinds) 处罚类别不予归集");
        var d = gateway.delivery(m.recordId(), m.version()).orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.REJECTED);
        assertThat(d.error()).contains("E_RULE");
        assertThat(d.receiptId()).isEqualTo("350100-" + m.recordId() + "-v1");
        assertThat(gateway.rejections()).singleElement().satisfies(r -> {
            assertThat(r.senderRef()).isEqualTo(m.recordId() + ":1");
            assertThat(r.errors()).contains("E_UPSTREAM_REJECTED").contains("E_RULE");
        });
        assertThat(sim.store().holdings()).isEmpty();
    }

    @Test
    void anOutageIsRetriedInPlaceMarkingNothingUntilThePlatformIsBackThenAcceptedOnce() throws Exception {
        dlq().expectedMessageCount(0);
        UpstreamMessage m = queued();
        sim.misbehaviour().outageFor(Duration.ofMinutes(10));

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = sendAsync(m);

            await().atMost(WAIT).until(() -> retryLines(log).count() >= 1);
            assertThat(sending).as("the exchange waits for the platform").isNotDone();
            assertThat(state(m)).as("nothing marked").isEqualTo(DeliveryState.QUEUED);
            assertThat(sim.store().holdings()).isEmpty();
            assertThat(retryLines(log).findFirst()).hasValueSatisfying(l -> assertThat(l)
                    .contains("On delivery attempt: 0").contains("fault UNAVAILABLE"));

            sim.misbehaviour().clearOutages();

            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");
        }
        var d = gateway.delivery(m.recordId(), m.version()).orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(d.receiptId()).isEqualTo("350100-" + m.recordId() + "-v1");
        assertThat(sim.store().holdings()).containsOnlyKeys(m.recordId());
        assertThat(sim.store().timesReceived(m.recordId(), 1)).as("sent once the platform is back").isEqualTo(1);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void anUnreachablePlatformIsRetriedWithoutEnd() throws Exception {
        dlq().expectedMessageCount(0);
        UpstreamMessage m = queued();
        sim.close();

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = sendAsync(m);

            await().atMost(WAIT).until(() -> retryLines(log).count() >= 2);
            assertThat(sending).as("still retrying").isNotDone();
            assertThat(retryLines(log)).anySatisfy(l -> assertThat(l).contains("On delivery attempt: 1"));
            assertThat(retryLines(log)).allSatisfy(l -> assertThat(l).contains("not reachable"));
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");
        }
        assertThat(state(m)).isEqualTo(DeliveryState.QUEUED);
        MockEndpoint.assertIsSatisfied(context);
        // the retrying exchange is abandoned when the context stops (short shutdown timeout, see stopSimulator)
    }

    @Test
    void aMessageThatCannotBeSentIsDeadLetteredAsPoison() throws Exception {
        UpstreamMessage m = queued();
        MockEndpoint dlq = dlq();
        dlq.expectedMessageCount(1);
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "POISON");

        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), "{not json", m.headers());

        dlq.assertIsSatisfied(5, TimeUnit.SECONDS);
        assertThat(dlq.getExchanges().get(0).getIn().getHeader(GatewayHeaders.ERROR_REASON, String.class))
                .contains("not JSON");
        assertThat(state(m)).isEqualTo(DeliveryState.QUEUED);
        assertThat(sim.store().data()).isEmpty();
    }

    @Test
    void everyRouteIdStartsWithTheConnectorId() {
        assertThat(context.getRoutes()).extracting(Route::getRouteId).containsExactly("soap-national.send");
    }
}
