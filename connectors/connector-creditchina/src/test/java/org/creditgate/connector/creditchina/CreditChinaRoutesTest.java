package org.creditgate.connector.creditchina;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.connector.envelope.EnvelopeConfigCheck;
import org.creditgate.connector.envelope.EnvelopeConnector;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 信用中国 sink with its shipped configuration against the real creditchina simulator: synchronous receipts,
 * and the privacy scan over every request body it received finds nothing.
 */
class CreditChinaRoutesTest extends ConnectorRouteTest<EnvelopeConnector> {

    /** A second valid 公民身份号码 (GB 11643 check character), for the legal representative. */
    private static final String LEGAL_REP_ID = "350102198512034568";

    private CreditChinaSimulator creditChina;

    @Override
    protected EnvelopeConnector newConnector() throws Exception {
        creditChina = new CreditChinaSimulator().start(0);
        Map<String, Object> props = EnvelopeConfigCheck.shipped(CreditChinaConnectorTest.CFG);
        props.put("url", creditChina.url());
        return new EnvelopeConnector(props);
    }

    @AfterEach
    void stopCreditChina() {
        if (creditChina != null) {
            creditChina.close();
        }
    }

    private UpstreamMessage send(JsonNode record) {
        UpstreamMessage m = gateway.queuedForUpstream(record);
        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), m.body(), m.headers());
        return m;
    }

    private Delivery delivery(UpstreamMessage m) {
        return gateway.delivery(m.recordId(), m.version()).orElseThrow();
    }

    private MockEndpoint dlq() {
        return getMockEndpoint(gateway.deadLetterUri());
    }

    private JsonNode held(UpstreamMessage m) {
        return creditChina.store().data().stream().filter(i -> i.recordId().equals(m.recordId()))
                .map(StoredItem::payload).findFirst().orElseThrow();
    }

    @Test
    void aRecordIsAcceptedWithTheSynchronousReceipt() throws Exception {
        dlq().expectedMessageCount(0);

        UpstreamMessage m = send(SampleRecords.penalty("榕市监罚〔2026〕41号"));

        assertThat(delivery(m).state()).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(delivery(m).receiptId()).isEqualTo("CG-" + m.recordId() + "-" + m.version());
        assertThat(creditChina.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
        assertThat(held(m).path("decisionDocNo").asText()).isEqualTo("榕市监罚〔2026〕41号");
        dlq().assertIsSatisfied();
    }

    @Test
    void aPersonPenaltyAndALegalRepresentativeReachTheSiteWithoutAnyIdNumber() throws Exception {
        creditChina.rejectPrivacyViolations(true);
        ObjectNode withLegalRep = SampleRecords.penalty("榕市监罚〔2026〕42号")
                .put("CF_FR_ZJLX", "身份证").put("CF_FR_ZJHM", LEGAL_REP_ID);

        UpstreamMessage person = send(SampleRecords.personPenalty("榕市监罚〔2026〕43号", SampleRecords.CITIZEN_ID));
        UpstreamMessage org = send(withLegalRep);

        assertThat(person.body()).as("the gateway holds the full number").contains(SampleRecords.CITIZEN_ID);
        assertThat(org.body()).contains(LEGAL_REP_ID);
        assertThat(delivery(person).state()).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(delivery(org).state()).isEqualTo(DeliveryState.ACCEPTED);
        assertThat(creditChina.payloadsReceived()).isEqualTo(2);
        assertThat(creditChina.privacyScan()).isEmpty();
        assertThat(held(person).path("subject").path("idNo").asText()).isEqualTo("110105********002X");
        assertThat(held(org).path("subject").has("legalRepIdNo")).isFalse();
        assertThat(held(org).path("subject").path("legalRep").asText()).isEqualTo("张三");
    }

    @Test
    void aRecordTheSiteRefusesIsRejectedAndDeadLetteredWithItsReason() throws Exception {
        String docNo = "榕市监罚〔2026〕44号";
        creditChina.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "decisionDocNo", docNo, "E_RULE"));
        MockEndpoint dlq = dlq();
        dlq.expectedMessageCount(1);
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "VALIDATION");

        UpstreamMessage m = send(SampleRecords.penalty(docNo));

        dlq.assertIsSatisfied();
        assertThat(delivery(m).state()).isEqualTo(DeliveryState.REJECTED);
        assertThat(dlq.getExchanges().get(0).getMessage().getHeader(GatewayHeaders.ERROR_REASON, String.class))
                .startsWith("E_RULE decisionDocNo:");
        assertThat(dlq.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo(m.body());
        assertThat(gateway.rejections()).singleElement()
                .satisfies(r -> assertThat(r.errors()).contains("creditchina refused").contains("E_RULE"));
    }

    @Test
    void anUnpublishableRecordIsNeverSentToThePublicSite() throws Exception {
        MockEndpoint dlq = dlq();
        dlq.expectedMessageCount(1);
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "VALIDATION");

        UpstreamMessage m = send(SampleRecords.penalty("榕市监罚〔2026〕45号").put("publish", "N")
                .put("publishReason", "涉及国家秘密"));

        dlq.assertIsSatisfied();
        assertThat(creditChina.payloadsReceived()).isZero();
        assertThat(delivery(m).state()).isEqualTo(DeliveryState.REJECTED);
        assertThat(delivery(m).error()).startsWith("E_NOT_PUBLISHABLE");
    }
}
