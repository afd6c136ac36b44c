package org.creditgate.simulators.upstream.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.ORG_USCC;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.penalty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.core.TestEnvelopes;
import org.creditgate.simulators.upstream.core.TestHttp;
import org.creditgate.simulators.upstream.national.ws.NationalExchangePort;
import org.creditgate.simulators.upstream.national.ws.NationalFault;
import org.creditgate.simulators.upstream.national.ws.QueryHoldings;
import org.creditgate.simulators.upstream.national.ws.QueryStatus;
import org.creditgate.simulators.upstream.national.ws.SubmitBatch;
import org.creditgate.simulators.upstream.national.ws.WsHeader;
import org.creditgate.simulators.upstream.national.ws.WsItem;
import org.creditgate.simulators.upstream.national.ws.WsReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the SOAP service with a plain CXF JAX-WS client, as the gateway's connector will. */
class NationalSimulatorTest {

    private static NationalSimulator sim;
    private static NationalExchangePort port;

    @BeforeAll
    static void start() {
        sim = new NationalSimulator().start(0, 0);
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(NationalExchangePort.class);
        factory.setAddress(sim.url());
        port = factory.create(NationalExchangePort.class);
        ClientProxy.getClient(port).getEndpoint().put(FaultListener.class.getName(),
                (FaultListener) (e, d, m) -> false);
    }

    @AfterAll
    static void stop() {
        ClientProxy.getClient(port).destroy();
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.misbehaviour().reset();
        sim.intake().clear();
    }

    @Test
    void submitBatchAnswersTheReceiptSynchronouslyPerRecord() throws NationalFault {
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .item("r2", 0, "ADD", penalty(ORG_USCC, "罚款"));

        WsReceipt receipt = port.submitBatch(soap(env)).receipt;

        assertThat(receipt.ackFor).isEqualTo(env.msgId());
        assertThat(receipt.status).isEqualTo("PARTIAL");
        assertThat(List.of(receipt.received, receipt.accepted, receipt.rejected)).containsExactly(2, 1, 1);
        assertThat(receipt.results.get(0).status).isEqualTo("ACCEPTED");
        assertThat(receipt.results.get(1).errors.get(0).code).isEqualTo("E_FORMAT");
        assertThat(receipt.results.get(1).errors.get(0).field).isEqualTo("version");
        assertThat(sim.store().data()).singleElement().satisfies(i -> {
            assertThat(i.recordId()).isEqualTo("r1");
            assertThat(i.payload().path("CF_CFLB").asText()).isEqualTo("罚款");
            assertThat(i.subjectKey()).isEqualTo(ORG_USCC);
        });
    }

    @Test
    void digestAndCountMismatchRejectTheWholeBatch() throws NationalFault {
        SubmitBatch tampered = soap(TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款")));
        tampered.items.get(0).data = tampered.items.get(0).data.replace("罚款人民币2000元", "罚款人民币200元");
        SubmitBatch miscounted = soap(TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .recordCount(3));

        WsReceipt r1 = port.submitBatch(tampered).receipt;
        WsReceipt r2 = port.submitBatch(miscounted).receipt;

        assertThat(r1.status).isEqualTo("REJECTED");
        assertThat(r1.errors).extracting(e -> e.code).containsExactly("E_DIGEST");
        assertThat(r2.status).isEqualTo("REJECTED");
        assertThat(r2.errors).extracting(e -> e.code).containsExactly("E_COUNT");
        assertThat(r2.results.get(0).errors).extracting(e -> e.code).containsExactly("E_COUNT");
        assertThat(sim.store().data()).isEmpty();
    }

    @Test
    void outageAndFailuresAreDeclaredFaults() {
        sim.misbehaviour().outageFor(Duration.ofMinutes(1));
        NationalFault outage = catchThrowableOfType(NationalFault.class,
                () -> port.submitBatch(soap(TestEnvelopes.data("PENALTY")
                        .item("r1", 1, "ADD", penalty(ORG_USCC, "罚款")))));
        assertThat(outage.getFaultInfo().code).isEqualTo("UNAVAILABLE");

        sim.misbehaviour().clearOutages().failNext(1);
        NationalFault failure = catchThrowableOfType(NationalFault.class,
                () -> port.queryHoldings(new QueryHoldings()));
        assertThat(failure.getFaultInfo().code).isEqualTo("INTERNAL");
        assertThat(sim.store().data()).isEmpty();

        NationalFault noHeader = catchThrowableOfType(NationalFault.class, () -> port.submitBatch(new SubmitBatch()));
        assertThat(noHeader.getFaultInfo().code).isEqualTo("BAD_REQUEST");
    }

    @Test
    void rejectRuleDuplicatesStatusAndHoldings() throws NationalFault {
        sim.misbehaviour().reject(RejectRule.fieldEquals(null, "CF_XDR_SHXYM", "913501007000000001", "E_SUBJECT"));
        TestEnvelopes first = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .item("r2", 1, "ADD", penalty("913501007000000001", "罚款"));
        port.submitBatch(soap(first));
        port.submitBatch(soap(TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))));
        port.submitBatch(soap(TestEnvelopes.shield("PENALTY").shieldItem("r1", 1, "REVOKED")));

        assertThat(sim.store().duplicates()).containsOnlyKeys("DATA:r1:1");
        assertThat(sim.store().shields()).hasSize(1);
        QueryStatus byMsg = new QueryStatus();
        byMsg.msgId = first.msgId();
        var msgStatus = port.queryStatus(byMsg);
        assertThat(msgStatus.state).isEqualTo("DONE");
        assertThat(msgStatus.receipt.results.get(1).errors.get(0).code).isEqualTo("E_SUBJECT");
        QueryStatus byRecord = new QueryStatus();
        byRecord.recordId = "r1";
        byRecord.version = 1;
        var recordStatus = port.queryStatus(byRecord);
        assertThat(recordStatus.timesReceived).isEqualTo(2);
        assertThat(recordStatus.held).isTrue();
        assertThat(recordStatus.holding.shielded).isTrue();
        assertThat(recordStatus.holding.shieldCause).isEqualTo("REVOKED");
        var holdings = port.queryHoldings(new QueryHoldings());
        assertThat(holdings.count).isEqualTo(1);
        assertThat(holdings.holdings).extracting(h -> h.recordId).containsExactly("r1");
        JsonNode adminHoldings = TestHttp.get(sim.adminUrl() + "/admin/holdings").body();
        assertThat(adminHoldings.path("count").asInt()).isEqualTo(1);
    }

    @Test
    void publishesItsWsdl() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.url() + "?wsdl")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("submitBatch", "queryStatus", "queryHoldings", "nationalFault",
                "urn:creditgate:national:exchange:1");
    }

    /** The same envelope as SOAP: header fields, items with data as JSON text. */
    static SubmitBatch soap(TestEnvelopes env) {
        JsonNode root = env.build();
        SubmitBatch b = new SubmitBatch();
        b.header = Json.convert(root.path("header"), WsHeader.class);
        for (JsonNode i : root.path("body")) {
            WsItem item = new WsItem();
            item.recordId = i.path("recordId").asText();
            item.version = i.path("version").asInt();
            item.op = i.path("op").asText(null);
            item.cause = i.path("cause").asText(null);
            item.data = Json.write(i.path("data"));
            b.items.add(item);
        }
        return b;
    }
}
