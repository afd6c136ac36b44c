package org.creditgate.spi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.Test;

/** A SHIELD off the upstream queue: aimed at the version the upstream holds, with nothing personal in its data. */
class UpstreamMessageTest {

    private static Message shieldMessage(String target) {
        var json = SampleRecords.JSON.createObjectNode().put("dataset", "SHIELD").put("shieldId", "S-1")
                .put("targetDataset", "PENALTY").put("targetRecordId", "r-1").put("targetBusinessKey",
                        "11350100003000014R|榕市监罚〔2026〕12号|" + SampleRecords.CITIZEN_ID)
                .put("cause", "REPAIR").put("effectiveAt", "2026-11-20T10:00:00+08:00").put("decisionRef", "榕信修1号");
        json.put("subjectCategory", "自然人").put("subjectName", "张三").put("idType", "身份证")
                .put("idNo", SampleRecords.CITIZEN_ID);
        var outcome = new RecordValidator().validate(json,
                new ValidationContext(LocalDate.of(2026, 11, 30), WorkingDayCalendar.fromClasspath()));
        CreditRecord shield = outcome.record();
        assertThat(shield).as(outcome.errors().toString()).isNotNull();
        String body = CanonicalJson.write(shield.withMeta(new RecordMeta("s-1", 1, org.creditgate.model.Op.ADD)));
        Map<String, Object> headers = new HashMap<>();
        headers.put(GatewayHeaders.RECORD_ID, "s-1");
        headers.put(GatewayHeaders.VERSION, 1);
        headers.put(GatewayHeaders.DATASET, "SHIELD");
        headers.put(GatewayHeaders.OP, "ADD");
        if (target != null) {
            headers.put(GatewayHeaders.SHIELD_TARGET, target);
        }
        return message(body, headers);
    }

    /** The three calls UpstreamMessage makes of a Camel message, without a CamelContext. */
    private static Message message(String body, Map<String, Object> headers) {
        return (Message) Proxy.newProxyInstance(Message.class.getClassLoader(), new Class<?>[] {Message.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBody" -> body;
                    case "getHeaders" -> headers;
                    case "getHeader" -> ((Class<?>) args[1]).cast(headers.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aShieldNamesTheHeldVersionAndCarriesOnlyTheDecision() {
        UpstreamMessage m = UpstreamMessage.of(shieldMessage("r-1:3"));

        assertThat(m.msgType()).isEqualTo("SHIELD");
        assertThat(m.ref()).as("what the ledger tracks").isEqualTo(new DeliveryRef("s-1", 1));
        assertThat(m.itemRef()).as("what the upstream is told").isEqualTo(new DeliveryRef("r-1", 3));
        assertThat(m.shield().cause()).isEqualTo("REPAIR");
        assertThat(m.dataset()).isEqualTo("PENALTY");
        assertThat(m.data().toString()).doesNotContain(SampleRecords.CITIZEN_ID).doesNotContain("张三");
        assertThat(m.data().fieldNames()).toIterable().containsExactlyInAnyOrder("shieldId", "targetDataset",
                "effectiveAt", "decisionRef");
    }

    @Test
    void aShieldWithoutItsTargetHeaderIsPoison() {
        assertThatThrownBy(() -> UpstreamMessage.of(shieldMessage(null))).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(GatewayHeaders.SHIELD_TARGET);
        assertThatThrownBy(() -> UpstreamMessage.of(shieldMessage("other:1")))
                .isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void shieldTargetsParse() {
        assertThat(ShieldItem.parse("a:b:2")).contains(new DeliveryRef("a:b", 2));
        assertThat(ShieldItem.parse("a:0")).isEmpty();
        assertThat(ShieldItem.parse("a")).isEmpty();
        assertThat(ShieldItem.parse("a:x")).isEmpty();
    }
}
