package org.creditgate.connector.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.testkit.CapturedStderr;
import org.creditgate.connector.envelope.EnvelopeConfigCheck;
import org.creditgate.connector.envelope.EnvelopeConnector;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The province sink with its shipped configuration against the real province simulator (REST batches, 202, receipts
 * polled): accepted after the receipt, refused by rule, outage retried in place until the province is back.
 */
class ProvinceRoutesTest extends ConnectorRouteTest<EnvelopeConnector> {

    private static final Duration RECEIPT = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ProvinceSimulator province;

    @Override
    protected EnvelopeConnector newConnector() throws Exception {
        province = new ProvinceSimulator().start(0);
        Map<String, Object> props = EnvelopeConfigCheck.shipped(ProvinceConnectorTest.CFG);
        props.put("url", province.url());
        props.put("receiptPollPeriod", "100ms");
        props.put("receiptTimeout", "3s");
        return new EnvelopeConnector(props);
    }

    @AfterEach
    void stopProvince() {
        if (province != null) {
            province.close();
        }
    }

    private UpstreamMessage queued(String docNo) {
        return gateway.queuedForUpstream(SampleRecords.penalty(docNo));
    }

    private void send(UpstreamMessage m) {
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());
    }

    /** The same message again, as the broker redelivers it after a rollback. */
    private void redeliver(UpstreamMessage m) {
        Map<String, Object> headers = new HashMap<>(m.headers());
        headers.put("JMSRedelivered", Boolean.TRUE);
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), headers);
    }

    private Delivery delivery(UpstreamMessage m) {
        return gateway.delivery(m.recordId(), m.version()).orElseThrow();
    }

    private DeliveryState state(UpstreamMessage m) {
        return delivery(m).state();
    }

    /** The error handler's WARN lines, one per failed attempt of this record's exchange. */
    private static Stream<String> retryLines(CapturedStderr log, UpstreamMessage m) {
        return log.text().lines().filter(l -> l.contains("WARN") && l.contains("Failed delivery for")
                && l.contains("UpstreamUnavailableException") && l.contains("CG-" + m.recordId() + "-" + m.version()));
    }

    private MockEndpoint dlq() {
        return getMockEndpoint(gateway.deadLetterUri());
    }

    @Test
    void aRecordIsSentThenAcceptedWhenTheAsyncReceiptArrives() throws Exception {
        province.misbehaviour().receiptDelay(Duration.ofMillis(500));
        UpstreamMessage m = queued("榕市监罚〔2026〕31号");
        dlq().expectedMessageCount(0);

        send(m);

        assertThat(state(m)).isEqualTo(DeliveryState.SENT);
        assertThat(delivery(m).batchId()).isEqualTo("CG-" + m.recordId() + "-" + m.version());
        await().atMost(RECEIPT).until(() -> state(m) == DeliveryState.ACCEPTED);
        assertThat(delivery(m).receiptId()).isEqualTo(delivery(m).batchId());
        assertThat(province.store().holds(m.recordId(), m.version())).isTrue();
        assertThat(province.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
        assertThat(province.store().duplicateCount()).isZero();
        dlq().assertIsSatisfied();
    }

    @Test
    void aRedeliveredMessageIsHeldExactlyOnceWhetherItsReceiptIsPendingOrIn() throws Exception {
        province.misbehaviour().receiptDelay(Duration.ofMillis(800)).duplicateReceipts(2);
        UpstreamMessage m = queued("榕市监罚〔2026〕32号");

        send(m);
        redeliver(m);                       // receipt still pending: the province already has it
        await().atMost(RECEIPT).until(() -> state(m) == DeliveryState.ACCEPTED);
        redeliver(m);                       // receipt in: accepted, nothing sent

        assertThat(state(m)).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(province.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
        assertThat(province.store().duplicateCount()).isZero();
        assertThat(province.store().data()).hasSize(1);
        assertThat(gateway.rejections()).isEmpty();
    }

    @Test
    void aRecordRefusedByRuleIsRejectedInTheLedgerAndDeadLetteredForReplay() throws Exception {
        String docNo = "榕市监罚〔2026〕33号";
        province.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "decisionDocNo", docNo, "E_RULE"));
        UpstreamMessage refused = queued(docNo);
        UpstreamMessage fine = queued("榕市监罚〔2026〕34号");
        MockEndpoint dlq = dlq();
        dlq.expectedMessageCount(1);
        dlq.expectedBodiesReceived(refused.body());
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "VALIDATION");
        dlq.expectedHeaderReceived(GatewayHeaders.RECORD_ID, refused.recordId());

        send(refused);
        send(fine);

        await().atMost(RECEIPT).until(() -> state(refused) == DeliveryState.REJECTED
                && state(fine) == DeliveryState.ACCEPTED);
        dlq.assertIsSatisfied();
        String reason = dlq.getExchanges().get(0).getMessage().getHeader(GatewayHeaders.ERROR_REASON, String.class);
        assertThat(reason).startsWith("E_RULE decisionDocNo: rejected by rule");
        assertThat(dlq.getExchanges().get(0).getMessage().getHeader(GatewayHeaders.VERSION))
                .isEqualTo(refused.version());
        assertThat(delivery(refused).error()).isEqualTo(reason);
        assertThat(gateway.rejections()).singleElement().satisfies(r -> assertThat(r.errors())
                .contains("E_UPSTREAM_REJECTED").contains("province refused").contains("E_RULE"));
        assertThat(province.store().holds(refused.recordId(), refused.version())).isFalse();

        // the rule is lifted; the operator replays the dead letter: accepted
        province.misbehaviour().clearRejectRules();
        var letter = dlq.getExchanges().get(0).getMessage();
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), letter.getBody(String.class), letter.getHeaders());
        await().atMost(RECEIPT).until(() -> state(refused) == DeliveryState.ACCEPTED);
        assertThat(province.store().timesReceived(refused.recordId(), refused.version())).isEqualTo(1);
    }

    @Test
    void duringAnOutageTheSendIsRetriedInPlaceMarkingNothingThenSucceedsOnce() throws Exception {
        province.misbehaviour().outageFor(Duration.ofHours(1));
        UpstreamMessage m = queued("榕市监罚〔2026〕35号");
        dlq().expectedMessageCount(0);

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = template.asyncRequestBodyAndHeaders(gateway.upstreamQueueUri(), m.body(),
                    m.headers());

            // the first attempt's submit and the retry's status query both meet the outage
            await().atMost(WAIT).until(() -> retryLines(log, m).count() >= 2);
            assertThat(retryLines(log, m)).allSatisfy(l -> assertThat(l).contains("HTTP 503").contains("E_UNAVAILABLE"));
            assertThat(sending).as("the exchange waits for the province").isNotDone();
            assertThat(state(m)).as("nothing marked").isEqualTo(DeliveryState.QUEUED);
            assertThat(province.store().data()).isEmpty();
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");

            province.misbehaviour().clearOutages();
            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(state(m)).isIn(DeliveryState.SENT, DeliveryState.ACCEPTED);
        await().atMost(RECEIPT).until(() -> state(m) == DeliveryState.ACCEPTED);
        assertThat(province.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
        assertThat(province.store().duplicateCount()).isZero();
        dlq().assertIsSatisfied();
    }

    @Test
    void noReceiptWithinTheTimeoutIsReportedUnknown() throws Exception {
        province.misbehaviour().receiptDelay(Duration.ofHours(1));
        UpstreamMessage m = queued("榕市监罚〔2026〕36号");

        send(m);

        assertThat(state(m)).isEqualTo(DeliveryState.SENT);
        await().atMost(RECEIPT).until(() -> state(m) == DeliveryState.UNKNOWN);
        assertThat(province.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
    }

    @Test
    void aReceiptPollDuringAnOutageIsRetriedOnTheNextPoll() throws Exception {
        province.misbehaviour().receiptDelay(Duration.ofMillis(300));
        UpstreamMessage m = queued("榕市监罚〔2026〕37号");
        send(m);
        province.misbehaviour().outageFor(Duration.ofMillis(800));

        await().atMost(RECEIPT).until(() -> state(m) == DeliveryState.ACCEPTED);
        assertThat(province.misbehaviour().inOutage()).isFalse();
    }
}
