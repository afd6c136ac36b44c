package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.core.lineage.IdleConnectors;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.Masking;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lineage API over a real pipeline's H2 ledger: one record with every leg, subject search by USCC and by a full
 * ID number (which no answer repeats), the refusals, and who may read.
 */
class LineageApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = SampleRecords.CITIZEN_ID;
    private static final Instant AT = Instant.parse("2026-11-20T04:00:00Z");

    private final PipelineHarness harness = new PipelineHarness();
    private final Ledger ledger = harness.ledger();
    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final LineageApi api = new LineageApi(new TestBackend(new StubGateway(registry), ledger));

    @BeforeEach
    void connectors() {
        registry.bind(IdleConnectors.of(ConnectorKind.SOURCE, "rest", "scjgj"));
        registry.bind(IdleConnectors.of(ConnectorKind.SOURCE, "file", "swj"));
        registry.bind(IdleConnectors.of(ConnectorKind.SINK, "envelope", "province"));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aRecordsLineageHasEveryLegWithTheIdNumberMasked() throws Exception {
        String id = accepted(SampleRecords.personPenalty("榕市监罚〔2026〕81号", ID));
        ledger.queueDeliveries(List.of(Delivery.queued(id, 1, "national", AT), Delivery.queued(id, 1, "province", AT)));
        ledger.updateDeliveries("national", List.of(new VersionRef(id, 1)), DeliveryState.ACCEPTED, "B-7",
                "RC-national-7", null, AT.plusSeconds(5));
        ledger.updateDeliveries("province", List.of(new VersionRef(id, 1)), DeliveryState.REJECTED, "B-8", null,
                "E_RULE: CF_XDR_ZJHM " + ID + " refused", AT.plusSeconds(6));
        ledger.openObjection(ObjectionEntry.opened("YY-81", "obj-record-81", 1, id, "PENALTY", 1, "scjgj",
                "operator:boss", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 1), AT));
        String shieldRecord = accepted(SampleRecords.load("SHIELD").put("shieldId", "S-81").put("targetRecordId", id)
                .put("targetDataset", "PENALTY").put("decisionRef", "榕发改信修〔2026〕1号（当事人 " + ID + "）"));
        ledger.queueShieldDispatches("S-81", Map.of("national", 1), AT.plusSeconds(7));
        ledger.updateDeliveries("national", List.of(new VersionRef(shieldRecord, 1)), DeliveryState.ACCEPTED, "B-9",
                "RC-shield-9", null, AT.plusSeconds(8));

        Response r = api.one(TestBackend.VIEWER, id);
        JsonNode l = ok(r);

        assertThat(l.path("recordId").asText()).isEqualTo(id);
        assertThat(l.path("dataset").asText()).isEqualTo("PENALTY");
        assertThat(l.path("department").asText()).isEqualTo("scjgj");
        assertThat(l.path("state").asText()).isEqualTo("SHIELDED");
        assertThat(l.path("currentVersion").asInt()).isEqualTo(1);
        assertThat(Instant.parse(l.path("updatedAt").asText())).isNotNull();
        assertThat(l.path("subject").asText()).isEqualTo("李四 (ID " + Masking.idNo(ID) + ")");
        assertThat(texts(l.path("channels"))).containsExactly("rest-scjgj (rest)");

        JsonNode v1 = l.path("versions").get(0);
        assertThat(l.path("versions")).hasSize(1);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("op").asText()).isEqualTo("ADD");
        assertThat(v1.path("state").asText()).isEqualTo("SHIELDED");
        assertThat(Instant.parse(v1.path("receivedAt").asText())).isNotNull();
        assertThat(v1.path("warnings").isArray()).as("warnings embedded as JSON, not a string").isTrue();
        assertThat(l.path("history").findValuesAsText("event")).contains("RECEIVED_VALID");
        assertThat(l.path("history").get(0).fieldNames()).toIterable()
                .containsExactly("at", "version", "event", "detail");

        JsonNode national = delivery(l, "national");
        assertThat(national.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(national.path("batchId").asText()).isEqualTo("B-7");
        assertThat(national.path("receiptId").asText()).isEqualTo("RC-national-7");
        assertThat(national.path("queuedAt").asText()).isEqualTo("2026-11-20T04:00:00Z");
        assertThat(national.path("updatedAt").asText()).isEqualTo("2026-11-20T04:00:05Z");
        assertThat(delivery(l, "province").path("error").asText())
                .isEqualTo("E_RULE: CF_XDR_ZJHM " + Masking.idNo(ID) + " refused");

        JsonNode shield = l.path("shields").get(0);
        assertThat(l.path("shields")).hasSize(1);
        assertThat(shield.path("shieldId").asText()).isEqualTo("S-81");
        assertThat(shield.path("cause").asText()).isEqualTo("REPAIR");
        // a decision number is free text typed by a department: an ID number in it is shown masked
        assertThat(shield.path("decisionRef").asText()).isEqualTo("榕发改信修〔2026〕1号（当事人 " + Masking.idNo(ID) + "）");
        assertThat(Instant.parse(shield.path("effectiveAt").asText())).isEqualTo("2026-11-10T01:30:00Z");
        JsonNode dispatch = shield.path("dispatches").get(0);
        assertThat(shield.path("dispatches")).hasSize(1);
        assertThat(dispatch.path("upstream").asText()).isEqualTo("national");
        assertThat(dispatch.path("dispatchedAt").asText()).isEqualTo("2026-11-20T04:00:08Z");
        assertThat(dispatch.path("ackedAt").asText()).isEqualTo("2026-11-20T04:00:08Z");
        assertThat(dispatch.path("receiptId").asText()).isEqualTo("RC-shield-9");

        JsonNode objection = l.path("objections").get(0);
        assertThat(l.path("objections")).hasSize(1);
        assertThat(objection.path("objectionId").asText()).isEqualTo("YY-81");
        assertThat(objection.path("provider").asText()).isEqualTo("scjgj");
        assertThat(objection.path("forwardedOn").asText()).isEqualTo("2026-11-03");
        assertThat(objection.path("dueOn").asText()).isEqualTo("2026-12-01");
        assertThat(objection.path("status").asText()).isEqualTo("PENDING");
        assertThat(objection.has("resultOn")).isTrue();
        assertThat(objection.path("resultOn").isNull()).isTrue();

        assertThat((String) r.getEntity()).doesNotContain(ID);
    }

    @Test
    void anUnknownRecordIs404() throws Exception {
        Response r = api.one(TestBackend.VIEWER, "no-such-record");
        assertThat(r.getStatus()).isEqualTo(404);
        JsonNode body = JSON.readTree((String) r.getEntity());
        assertThat(body.path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(body.path("message").asText()).isEqualTo("no record no-such-record");
    }

    @Test
    void aSubjectIsFoundByItsUsccInTheLedgersOrder() throws Exception {
        String older = accepted(SampleRecords.penalty("榕市监罚〔2026〕82号"));
        String newer = accepted(SampleRecords.penalty("榕市监罚〔2026〕83号"));
        accepted(SampleRecords.personPenalty("榕市监罚〔2026〕84号", ID));

        JsonNode answer = ok(search(TestBackend.VIEWER, "{\"subject\": \"" + SampleRecords.ORG_USCC + "\"}"));

        assertThat(answer.path("subject").asText()).isEqualTo(SampleRecords.ORG_USCC);
        assertThat(answer.path("count").asInt()).isEqualTo(2);
        assertThat(answer.path("limitReached").asBoolean()).isFalse();
        assertThat(answer.path("records").findValuesAsText("recordId")).containsExactlyInAnyOrder(older, newer)
                .as("the ledger's order: most recently changed first").containsExactlyElementsOf(ledger
                        .headsOfSubject(SampleRecords.ORG_USCC, 20).stream().map(RecordHead::recordId).toList());
        assertThat(answer.path("records").get(0).path("subject").asText()).contains("USCC " + SampleRecords.ORG_USCC);
        assertThat(answer.path("records").get(0).has("deliveries")).isTrue();

        JsonNode one = ok(search(TestBackend.VIEWER, "{\"subject\": \"" + SampleRecords.ORG_USCC
                + "\", \"limit\": 1}"));
        assertThat(one.path("count").asInt()).isEqualTo(1);
        assertThat(one.path("limitReached").asBoolean()).isTrue();
        assertThat(one.path("records").findValuesAsText("recordId"))
                .containsExactly(answer.path("records").get(0).path("recordId").asText());
    }

    @Test
    void aPersonIsFoundByTheFullIdNumberWhichNoAnswerRepeats() throws Exception {
        String id = accepted(SampleRecords.personPenalty("榕市监罚〔2026〕85号", ID));
        accepted(SampleRecords.penalty("榕市监罚〔2026〕86号"));

        Response r = search(TestBackend.VIEWER, "{\"subject\": \" " + ID.toLowerCase() + "\"}");
        JsonNode answer = ok(r);

        assertThat(answer.path("subject").asText()).isEqualTo(Masking.idNo(ID));
        assertThat(answer.path("count").asInt()).isEqualTo(1);
        assertThat(answer.path("records").findValuesAsText("recordId")).containsExactly(id);
        assertThat(answer.path("records").get(0).path("subject").asText()).isEqualTo("李四 (ID " + Masking.idNo(ID)
                + ")");
        assertThat((String) r.getEntity()).doesNotContain(ID).doesNotContain(ID.toLowerCase());
    }

    @Test
    void aBadSubjectOrLimitIs400NamingTheField() throws Exception {
        accepted(SampleRecords.personPenalty("榕市监罚〔2026〕87号", ID));
        for (String body : List.of("{\"subject\": \"" + Masking.idNo(ID) + "\"}", "{\"subject\": \"ABC\"}", "{}",
                "{\"subject\": 91350100}", "[]")) {
            Response r = search(TestBackend.VIEWER, body);
            assertThat(r.getStatus()).as(body).isEqualTo(400);
            JsonNode answer = JSON.readTree((String) r.getEntity());
            assertThat(answer.path("error").asText()).as(body).isEqualTo("BAD_SUBJECT");
            assertThat(answer.path("field").asText()).isEqualTo("subject");
            assertThat(answer.path("message").asText()).isNotBlank();
        }
        JsonNode masked = JSON.readTree((String) search(TestBackend.VIEWER, "{\"subject\": \"" + Masking.idNo(ID)
                + "\"}").getEntity());
        assertThat(masked.path("message").asText()).contains("masked");
        String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        Response wrong = search(TestBackend.VIEWER, "{\"subject\": \"" + wrongCheck + "\"}");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat((String) wrong.getEntity()).doesNotContain(wrongCheck);

        for (String limit : List.of("0", "101", "2.5", "\"20\"", "-1")) {
            Response r = search(TestBackend.VIEWER, "{\"subject\": \"" + ID + "\", \"limit\": " + limit + "}");
            assertThat(r.getStatus()).as(limit).isEqualTo(400);
            JsonNode answer = JSON.readTree((String) r.getEntity());
            assertThat(answer.path("error").asText()).isEqualTo("BAD_LIMIT");
            assertThat(answer.path("field").asText()).isEqualTo("limit");
        }
        assertThat(search(TestBackend.VIEWER, "{\"subject\": \"" + ID + "\", \"limit\": 100}").getStatus())
                .isEqualTo(200);
    }

    @Test
    void everyOperatorRoleMayReadAndNobodyElse() throws Exception {
        String id = accepted(SampleRecords.penalty("榕市监罚〔2026〕88号"));
        String body = "{\"subject\": \"" + SampleRecords.ORG_USCC + "\"}";
        for (String operator : List.of(TestBackend.VIEWER, TestBackend.ADMIN)) {
            assertThat(api.one(operator, id).getStatus()).isEqualTo(200);
            assertThat(search(operator, body).getStatus()).isEqualTo(200);
        }
        for (String anonymous : new String[] {null, TestBackend.NO_ROLE, TestBackend.basic("stranger"),
                "Bearer scjgj-token"}) {
            Response one = api.one(anonymous, id);
            assertThat(one.getStatus()).as(anonymous).isEqualTo(401);
            assertThat(one.getHeaderString("WWW-Authenticate")).startsWith("Basic");
            assertThat(JSON.readTree((String) one.getEntity()).path("error").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(search(anonymous, body).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void theSearchTakesJsonOnly() {
        Response r = api.search(TestBackend.VIEWER, "text/plain", new ByteArrayInputStream(
                ID.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getStatus()).isEqualTo(415);
        assertThat((String) r.getEntity()).doesNotContain(ID);
    }

    private Response search(String authorization, String body) {
        return api.search(authorization, "application/json", new ByteArrayInputStream(
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode ok(Response r) throws Exception {
        assertThat(r.getStatus()).as(String.valueOf(r.getEntity())).isEqualTo(200);
        return JSON.readTree((String) r.getEntity());
    }

    private static JsonNode delivery(JsonNode lineage, String upstream) {
        for (JsonNode d : lineage.path("deliveries")) {
            if (d.path("upstream").asText().equals(upstream)) {
                return d;
            }
        }
        throw new AssertionError("no delivery to " + upstream + " in " + lineage);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private String accepted(JsonNode record) {
        RecordResult r = harness.pipeline().ingest(new IngestRequest("scjgj", "test", record)).results().get(0);
        assertThat(r.status()).as("%s", r.errors()).isEqualTo(IngestStatus.ACCEPTED);
        return r.recordId();
    }
}
