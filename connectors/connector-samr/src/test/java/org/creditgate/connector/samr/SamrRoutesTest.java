package org.creditgate.connector.samr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.connector.rest.RestPushConnector;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.ledger.RecordHead;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.testkit.ConnectorContractTest;
import org.junit.jupiter.api.Test;

/** The bureau's push route with its shipped configuration: legacy names renamed, limits enforced, nothing lost. */
class SamrRoutesTest extends ConnectorRouteTest<RestPushConnector> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RestPushConnector newConnector() throws Exception {
        Map<String, Object> props = ConnectorContractTest.shippedProperties(SamrConnectorContractTest.CFG);
        props.put("maxRecords", "3");
        return new RestPushConnector(props);
    }

    private IngestResult push(List<ObjectNode> records) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("records").addAll(records);
        return template.requestBody(connector.descriptor().pushEndpoint(), body, IngestResult.class);
    }

    @Test
    void legacyKeyNamesAreRenamedToTheNationalCodesBeforeValidation() throws Exception {
        AdviceWith.adviceWith(context, "rest-scjgj.push", a -> a.weaveById("rest-scjgj.ingest").before().to("mock:mapped"));
        context.start();
        MockEndpoint mapped = getMockEndpoint("mock:mapped");
        mapped.expectedMessageCount(1);

        IngestResult result = push(List.of(SamrSimulator.legacyPenalty(7)));

        mapped.assertIsSatisfied();
        JsonNode record = (JsonNode) mapped.getReceivedExchanges().get(0).getMessage().getBody(List.class).get(0);
        assertThat(record.get("CF_SY").asText()).isEqualTo("生产、销售不合格产品");
        assertThat(record.has("处罚事由")).isFalse();
        assertThat(result.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).as("errors %s", r.errors()).isEqualTo(IngestStatus.ACCEPTED);
            RecordHead head = gateway.ledger().head(r.recordId()).orElseThrow();
            String payload = gateway.ledger().version(head.recordId(), head.currentVersion()).orElseThrow().payload();
            // stored canonical: the joined legacy kinds became the penaltyKinds list
            assertThat(payload).contains("\"penaltyKinds\":[\"警告\",\"罚款\"]").contains("\"facts\":\"生产、销售不合格产品\"")
                    .doesNotContain("处罚类别1");
        });
    }

    @Test
    void aPushOverMaxRecordsIsRefusedWholeAndStoresNothing() {
        context.start();
        assertThatThrownBy(() -> push(SamrSimulator.penalties(1, 4)))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(IngestException.class)
                .hasMessageContaining("at most 3").extracting(e -> ((IngestException) e).httpStatus()).isEqualTo(413);
        assertThat(gateway.ledgerCounts()).isEmpty();
        assertThat(gateway.ingestCalls()).isZero();
    }

    @Test
    void goodAndBadRecordsOfOnePushAreAnsweredOneByOne() {
        context.start();
        IngestResult result = push(List.of(SamrSimulator.penalty(1), SamrSimulator.badPenalty(2),
                SamrSimulator.penalty(1)));

        assertThat(result.results()).extracting(r -> r.status())
                .containsExactly(IngestStatus.ACCEPTED, IngestStatus.REJECTED, IngestStatus.ALREADY_ACCEPTED);
        assertThat(result.results().get(1).errors()).extracting(e -> e.field()).contains("CF_XDR_SHXYM");
        assertThat(gateway.rejections()).singleElement().satisfies(r -> assertThat(r.errors()).contains("CF_XDR_SHXYM"));
    }
}
