package org.creditgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The canonical JSON form, content hashes and derived record ids, for every record type. */
class CanonicalJsonTest {

    private static final ValidationContext CTX = new ValidationContext(java.time.LocalDate.of(2026, 11, 20),
            WorkingDayCalendar.fromClasspath());

    private static CreditRecord sample(String dataset) throws Exception {
        ObjectNode node = (ObjectNode) CanonicalJson.mapper().readTree(
                CanonicalJsonTest.class.getResourceAsStream("/samples/" + dataset + ".json"));
        ValidationOutcome o = new RecordValidator().validate(node, CTX);
        assertThat(o.errors()).as(dataset).isEmpty();
        return o.record();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LICENSE", "PENALTY", "LIST", "DISHONEST_EXECUTEE", "COMMITMENT", "REPAIR", "OBJECTION",
        "SHIELD", "JOINT_FEEDBACK"})
    void everyRecordTypeRoundTripsExactly(String dataset) throws Exception {
        CreditRecord r = sample(dataset).withMeta(new RecordMeta(UUID.randomUUID().toString(), 2, Op.UPDATE));
        String json = CanonicalJson.write(r);
        assertThat(json).contains("\"dataset\":\"" + dataset + "\"");
        assertThat(CanonicalJson.read(json)).isEqualTo(r);
        assertThat(CanonicalJson.write(CanonicalJson.read(json))).isEqualTo(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENALTY", "LIST", "SHIELD"})
    void contentHashIgnoresGatewayMetaButNotTheOp(String dataset) throws Exception {
        CreditRecord r = sample(dataset);
        String hash = CanonicalJson.contentHash(r);
        assertThat(CanonicalJson.contentHash(r.withMeta(new RecordMeta("any-id", 7, r.meta().op())))).isEqualTo(hash);
        assertThat(CanonicalJson.contentHash(r.withMeta(new RecordMeta(null, 0, Op.DELETE)))).isNotEqualTo(hash);
        assertThat(hash).hasSize(64);
    }

    @Test
    void canonicalJsonIsSortedAndOmitsNulls() throws Exception {
        String json = CanonicalJson.write(sample("PENALTY"));
        assertThat(json).doesNotContain("null").doesNotContain("publishUntil")
                .contains("\"decisionDate\":\"2026-11-18\"");
        List<String> keys = new ArrayList<>();
        CanonicalJson.mapper().readTree(json).fieldNames().forEachRemaining(keys::add);
        assertThat(keys.get(0)).isEqualTo("dataset"); // the type id leads, then every property in order
        assertThat(keys.subList(1, keys.size())).isSorted();
    }

    @Test
    void contentHashDoesNotDependOnHowAnAmountWasWritten() throws Exception {
        ObjectNode asText = (ObjectNode) CanonicalJson.mapper().readTree(
                CanonicalJsonTest.class.getResourceAsStream("/samples/PENALTY.json"));
        ObjectNode asNumber = asText.deepCopy().put("CF_NR_FK", new java.math.BigDecimal("0.200"));
        CreditRecord a = new RecordValidator().validate(asText, CTX).record();
        CreditRecord b = new RecordValidator().validate(asNumber, CTX).record();
        assertThat(CanonicalJson.contentHash(b)).isEqualTo(CanonicalJson.contentHash(a));
    }

    @Test
    void recordIdsAreStableNameBasedUuids() {
        String a = RecordIds.forBusinessKey(Dataset.PENALTY, "11350100003000014R|榕市监罚〔2026〕12号|91350100M000100Y43");
        assertThat(a).isEqualTo(RecordIds.forBusinessKey(Dataset.PENALTY,
                "11350100003000014R|榕市监罚〔2026〕12号|91350100M000100Y43"));
        assertThat(UUID.fromString(a).version()).isEqualTo(5);
        assertThat(RecordIds.forBusinessKey(Dataset.LICENSE, "11350100003000014R|榕市监罚〔2026〕12号|91350100M000100Y43"))
                .isNotEqualTo(a);
    }

    @Test
    void personKeysNeverContainTheIdNumber() throws Exception {
        CreditRecord person = sample("DISHONEST_EXECUTEE");
        assertThat(person.subjectKey()).startsWith("P:").doesNotContain("11010519491231002X");
        assertThat(person.businessKey()).doesNotContain("11010519491231002X");
        assertThat(person.subject().toString()).contains("110105********002X").doesNotContain("11010519491231002X");
    }

    @Test
    void unknownDatasetIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"dataset\":\"TAXES\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskingKeepsSixAndFour() {
        assertThat(Masking.idNo("420106199001011238")).isEqualTo("420106********1238");
        assertThat(Masking.idNo("E1234567")).isEqualTo("********");
        assertThat(Masking.idNo(null)).isNull();
    }
}
