package org.creditgate.model.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Penalty;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.junit.jupiter.api.Test;

/** The public projection (domain.md §8): ID numbers masked, legal representatives' ID numbers never published. */
class PublicProjectionTest {

    private static final ValidationContext CTX = new ValidationContext(LocalDate.of(2026, 11, 20),
            WorkingDayCalendar.fromClasspath());
    private static final String PERSON_ID = SampleRecords.CITIZEN_ID;
    private static final String LEGAL_REP_ID = "350102198512034568";
    private static final String OTHER_ID = "420106199001011231";

    private static CreditRecord record(ObjectNode input) {
        ValidationOutcome o = new RecordValidator().validate(input, CTX);
        assertThat(o.errors()).as("sample is valid").isEmpty();
        return o.record();
    }

    private static ObjectNode withLegalRep(ObjectNode penalty) {
        return penalty.put("CF_FR_ZJLX", "身份证").put("CF_FR_ZJHM", LEGAL_REP_ID);
    }

    @Test
    void theSampleIdNumbersAreValidCitizenIds() {
        assertThat(PublicProjection.isCitizenId(PERSON_ID)).isTrue();
        assertThat(PublicProjection.isCitizenId(LEGAL_REP_ID)).isTrue();
        assertThat(PublicProjection.isCitizenId(OTHER_ID)).isTrue();
        assertThat(PublicProjection.isCitizenId("420106199001011238")).as("wrong check character").isFalse();
        assertThat(PublicProjection.isCitizenId(SampleRecords.ORG_USCC)).isFalse();
    }

    @Test
    void aPersonsIdNumberIsPublishedMaskedFirstSixAndLastFour() {
        ObjectNode p = PublicProjection.of(record(SampleRecords.personPenalty("榕市监罚〔2026〕1号", PERSON_ID)));

        assertThat(p.path("subject").path("idNo").asText()).isEqualTo("110105********002X");
        assertThat(p.toString()).doesNotContain(PERSON_ID);
        // everything else is published as it is
        assertThat(p.path("subject").path("subjectName").asText()).isEqualTo("李四");
        assertThat(p.path("decisionDocNo").asText()).isEqualTo("榕市监罚〔2026〕1号");
        assertThat(p.path("dataset").asText()).isEqualTo("PENALTY");
    }

    @Test
    void aLegalRepresentativesIdNumberAndItsTypeAreNeverPublished() {
        CreditRecord r = record(withLegalRep(SampleRecords.penalty("榕市监罚〔2026〕2号")));
        assertThat(((Penalty) r).subject().legalRepIdNo()).as("stored by the gateway").isEqualTo(LEGAL_REP_ID);

        ObjectNode p = PublicProjection.of(r);

        assertThat(p.path("subject").has("legalRepIdNo")).isFalse();
        assertThat(p.path("subject").has("legalRepIdType")).isFalse();
        assertThat(p.toString()).doesNotContain(LEGAL_REP_ID).doesNotContain("350102********4568");
        assertThat(p.path("subject").path("legalRep").asText()).as("the name is public").isEqualTo("张三");
        assertThat(p.path("subject").path("uscc").asText()).isEqualTo(SampleRecords.ORG_USCC);
    }

    @Test
    void anIdNumberInFreeTextIsMaskedButCodesAndOtherNumbersAreKept() {
        ObjectNode input = SampleRecords.penalty("榕市监罚〔2026〕3号")
                .put("CF_SY", "当事人李四（身份证号" + OTHER_ID + "）生产不合格产品，批号123456789012345678X");
        ObjectNode p = PublicProjection.of(record(input));

        assertThat(p.path("facts").asText())
                .isEqualTo("当事人李四（身份证号420106********1231）生产不合格产品，批号123456789012345678X");
        assertThat(p.path("authorityUscc").asText()).isEqualTo(SampleRecords.AUTHORITY_USCC);
    }

    @Test
    void theInputTreeIsNotModifiedAndProjectingTwiceChangesNothing() {
        JsonNode canonical = CanonicalJson.mapper().valueToTree(
                record(withLegalRep(SampleRecords.personPenalty("榕市监罚〔2026〕4号", PERSON_ID))));
        String before = canonical.toString();

        JsonNode once = PublicProjection.of(canonical);

        assertThat(canonical.toString()).isEqualTo(before);
        assertThat(PublicProjection.of(once)).isEqualTo(once);
        assertThat(once.toString()).doesNotContain(PERSON_ID).doesNotContain(LEGAL_REP_ID);
    }

    @Test
    void nationalFieldCodesAreProjectedTheSameWay() {
        JsonNode p = PublicProjection.of(withLegalRep(SampleRecords.personPenalty("榕市监罚〔2026〕5号", PERSON_ID)));

        assertThat(p.path("CF_XDR_ZJHM").asText()).isEqualTo("110105********002X");
        assertThat(p.has("CF_FR_ZJHM")).isFalse();
        assertThat(p.has("CF_FR_ZJLX")).isFalse();
    }

    @Test
    void textHelperMasksEveryValidIdAndLeavesTheRest() {
        assertThat(PublicProjection.maskIdNumbersIn(PERSON_ID + "," + OTHER_ID))
                .isEqualTo("110105********002X,420106********1231");
        assertThat(PublicProjection.maskIdNumbersIn("a" + PERSON_ID)).as("glued to a letter").isEqualTo("a" + PERSON_ID);
        assertThat(PublicProjection.maskIdNumbersIn(null)).isNull();
    }
}
