package org.creditgate.connector.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.Op;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.model.crypto.BodyDigest;
import org.creditgate.simulators.upstream.core.Envelope;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.Receipt;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.Test;

/** Queued record → envelope, checked against the upstream simulators' own intake (digest, count, items). */
class EnvelopeTranslatorTest {

    static final String RECORD_ID = "5b7c0e9e-7f6a-4e1c-9d1e-1a2b3c4d5e6f";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T17:00:00Z"), ZoneOffset.UTC);

    /** A queued body: the sample validated, with gateway meta, in canonical JSON. */
    static String canonical(ObjectNode input, String recordId, int version) {
        ValidationOutcome o = new RecordValidator().validate(input,
                new ValidationContext(LocalDate.of(2026, 11, 20), WorkingDayCalendar.fromClasspath()));
        assertThat(o.errors()).isEmpty();
        return CanonicalJson.write(o.record().withMeta(new RecordMeta(recordId, version, Op.ADD)));
    }

    private static EnvelopeTranslator translator(boolean publicView) throws Exception {
        Map<String, Object> props = EnvelopeConfigCheck.shipped(EnvelopeConnectorTest.CFG);
        props.put("publicView", String.valueOf(publicView));
        return new EnvelopeTranslator(new EnvelopeConnector(props).settings().orElseThrow(), "example", CLOCK);
    }

    @Test
    void theEnvelopeIsAcceptedByTheUpstreamIntakeWithTheRightDigest() throws Exception {
        EnvelopeTranslator t = translator(false);
        Outbound o = t.outbound(canonical(SampleRecords.penalty("榕市监罚〔2026〕7号"), RECORD_ID, 2),
                Map.of(GatewayHeaders.RECORD_ID, RECORD_ID, GatewayHeaders.VERSION, 2, "JMSMessageID", "ID:1"));

        byte[] bytes = t.envelope(o.msgId(), List.of(o));

        JsonNode env = Json.read(bytes);
        assertThat(env.path("header").path("digest").asText()).isEqualTo(BodyDigest.of(env.path("body")));
        Receipt receipt = new BatchIntake("example", new UpstreamStore(), new Misbehaviour())
                .process(Envelope.parse(env));
        assertThat(receipt.status()).as("receipt %s", receipt).isEqualTo(Receipt.ACCEPTED);
        assertThat(o.msgId()).isEqualTo("CG-" + RECORD_ID + "-2");
        assertThat(o.headers()).containsOnlyKeys(GatewayHeaders.RECORD_ID, GatewayHeaders.VERSION);
    }

    @Test
    void headerAndItemFollowTheExchangeSpec() throws Exception {
        EnvelopeTranslator t = translator(false);
        Outbound o = t.outbound(canonical(SampleRecords.penalty("榕市监罚〔2026〕8号"), RECORD_ID, 1), Map.of());

        JsonNode env = Json.read(t.envelope(o.msgId(), List.of(o)));

        JsonNode h = env.path("header");
        assertThat(h.path("msgId").asText()).isEqualTo(o.msgId());
        assertThat(h.path("msgType").asText()).isEqualTo("DATA");
        assertThat(h.path("dataset").asText()).isEqualTo("PENALTY");
        assertThat(h.path("recordCount").isInt()).isTrue();
        assertThat(h.path("recordCount").asInt()).isEqualTo(1);
        assertThat(h.path("sender").asText()).isEqualTo("350100");
        assertThat(h.path("receiver").asText()).isEqualTo("example");
        assertThat(h.path("schemaVersion").asText()).isEqualTo("2021");
        assertThat(h.path("sentAt").asText()).isEqualTo("2026-11-20T01:00:00+08:00");
        assertThat(h.path("nonce").asText()).hasSize(32);
        JsonNode item = env.path("body").path(0);
        assertThat(item.path("recordId").asText()).isEqualTo(RECORD_ID);
        assertThat(item.path("version").asInt()).isEqualTo(1);
        assertThat(item.path("op").asText()).isEqualTo("ADD");
        assertThat(item.path("data").has("meta")).as("gateway meta is in the item, not in data").isFalse();
        assertThat(item.path("data").path("decisionDocNo").asText()).isEqualTo("榕市监罚〔2026〕8号");
        assertThat(item.path("data").path("fineAmount").decimalValue()).isEqualByComparingTo("0.2");
    }

    @Test
    void publicViewSendsThePublicProjection() throws Exception {
        String body = canonical(SampleRecords.personPenalty("榕市监罚〔2026〕9号", SampleRecords.CITIZEN_ID),
                RECORD_ID, 1);

        Outbound open = translator(false).outbound(body, Map.of());
        Outbound published = translator(true).outbound(body, Map.of());

        assertThat(open.data().path("subject").path("idNo").asText()).isEqualTo(SampleRecords.CITIZEN_ID);
        assertThat(published.data().path("subject").path("idNo").asText()).isEqualTo("110105********002X");
        assertThat(published.body()).as("the queued body is kept for the DLQ").isEqualTo(body);
        assertThat(published.toString()).doesNotContain(SampleRecords.CITIZEN_ID);
    }

    @Test
    void anUnreadableOrInconsistentMessageIsPoison() throws Exception {
        EnvelopeTranslator t = translator(false);
        String body = canonical(SampleRecords.penalty("榕市监罚〔2026〕10号"), RECORD_ID, 1);
        assertThatThrownBy(() -> t.outbound("{not json", Map.of())).isInstanceOf(PoisonException.class)
                .hasMessageContaining("not a canonical record");
        assertThatThrownBy(() -> t.outbound("", Map.of())).isInstanceOf(PoisonException.class);
        assertThatThrownBy(() -> t.outbound(body.replace(RECORD_ID, "x").replace("\"meta\"", "\"m\""), Map.of()))
                .isInstanceOf(PoisonException.class);
        assertThatThrownBy(() -> t.outbound(body, Map.of(GatewayHeaders.RECORD_ID, "other")))
                .isInstanceOf(PoisonException.class).hasMessageContaining("headers name other");
    }

    @Test
    void unpublishableRecordsAreRecognised() throws Exception {
        EnvelopeTranslator t = translator(true);
        Outbound yes = t.outbound(canonical(SampleRecords.penalty("榕市监罚〔2026〕11号"), RECORD_ID, 1), Map.of());
        Outbound no = t.outbound(canonical(SampleRecords.penalty("榕市监罚〔2026〕12号").put("publish", "N")
                .put("publishReason", "涉及国家秘密"), RECORD_ID, 1), Map.of());
        assertThat(EnvelopeTranslator.publishable(yes)).isTrue();
        assertThat(EnvelopeTranslator.publishable(no)).isFalse();
    }
}
