package org.creditgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.routing.UpstreamRouting.Regime;
import org.creditgate.model.routing.UpstreamRouting.Upstream;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.junit.jupiter.api.Test;

/**
 * Legal-representative linkage (domain.md §6.4): which organisation records link their 法定代表人, what the linked
 * person record is, that it survives the ingest form, and that it is shared but never published.
 */
class LegalRepLinkTest {

    private static final String REP_ID = SampleRecords.CITIZEN_ID;
    private static final String ORG_RECORD = "3b7d0c6e-1111-4a2b-9c3d-000000000001";
    private static final ValidationContext CTX = new ValidationContext(LocalDate.of(2026, 11, 20),
            WorkingDayCalendar.fromClasspath());

    private static CreditRecord valid(ObjectNode json) {
        ValidationOutcome o = new RecordValidator().validate(json, CTX);
        assertThat(o.errors()).as(json.toString()).isEmpty();
        return o.record();
    }

    /** As the ledger stores it: with its gateway id. */
    private static CreditRecord stored(ObjectNode json) {
        CreditRecord r = valid(json);
        return r.withMeta(new RecordMeta(ORG_RECORD, 1, r.meta().op()));
    }

    private static ObjectNode seriousPenalty() {
        return SampleRecords.penalty("榕市监罚〔2026〕88号").put("severity", "严重").put("CF_FR_ZJLX", "身份证")
                .put("CF_FR_ZJHM", REP_ID);
    }

    private static ObjectNode blackEntry() {
        return SampleRecords.load("LIST").put("legalRepIdType", "身份证").put("legalRepIdNo", REP_ID);
    }

    @Test
    void aSeriousPenaltyAndABlackListEntryOfAnOrganisationWithItsRepresentativesIdLink() {
        assertThat(LegalRepLink.qualifies(stored(seriousPenalty()))).isTrue();
        assertThat(LegalRepLink.qualifies(stored(blackEntry()))).isTrue();
        // the representative's ID type may be left out: the number alone links (as a 身份证)
        ObjectNode noType = seriousPenalty();
        noType.remove("CF_FR_ZJLX");
        assertThat(LegalRepLink.qualifies(stored(noType))).isTrue();
        assertThat(LegalRepLink.derive(stored(noType), Op.ADD).subject().idType()).isEqualTo("身份证");
        // a number without its type that is no 公民身份号码 is linked as an undeclared document, which validates
        ObjectNode passport = seriousPenalty().put("CF_FR_ZJHM", "E12345678");
        passport.remove("CF_FR_ZJLX");
        CreditRecord linked = LegalRepLink.derive(stored(passport), Op.ADD);
        assertThat(linked.subject().idType()).isEqualTo("其他-未注明");
        assertThat(valid(LegalRepLink.submission(linked))).isEqualTo(linked);
    }

    @Test
    void generalPenaltiesOtherListsPersonsAndRecordsWithoutTheRepresentativesIdDoNotLink() {
        assertThat(LegalRepLink.qualifies(stored(seriousPenalty().put("severity", "一般")))).as("一般失信").isFalse();
        ObjectNode unrated = seriousPenalty();
        unrated.remove("severity");
        assertThat(LegalRepLink.qualifies(stored(unrated))).as("no severity").isFalse();
        assertThat(LegalRepLink.qualifies(stored(blackEntry().put("listKind", "RED")))).as("红名单").isFalse();
        assertThat(LegalRepLink.qualifies(stored(blackEntry().put("listKind", "WATCH")))).as("重点关注").isFalse();
        ObjectNode noIdNo = seriousPenalty();
        noIdNo.remove("CF_FR_ZJHM");
        assertThat(LegalRepLink.qualifies(stored(noIdNo))).as("no legalRepIdNo").isFalse();
        ObjectNode noListIdNo = blackEntry();
        noListIdNo.remove("legalRepIdNo");
        assertThat(LegalRepLink.qualifies(stored(noListIdNo))).as("黑名单 without legalRepIdNo").isFalse();
        assertThat(LegalRepLink.qualifies(stored(SampleRecords.personPenalty("榕市监罚〔2026〕89号", REP_ID)
                .put("severity", "严重")))).as("自然人").isFalse();
        assertThat(LegalRepLink.qualifies(stored(SampleRecords.load("LICENSE")))).as("行政许可").isFalse();
    }

    @Test
    void theLinkedRecordIsTheSameDecisionAboutTheRepresentativeAsAPersonWithADerivedId() {
        Penalty org = (Penalty) stored(seriousPenalty());
        Penalty linked = (Penalty) LegalRepLink.derive(org, Op.ADD);

        assertThat(linked.meta().recordId()).isEqualTo(LegalRepLink.linkedRecordId(ORG_RECORD))
                .isEqualTo(LegalRepLink.derive(org, Op.ADD).meta().recordId()).isNotEqualTo(ORG_RECORD);
        assertThat(linked.subject().subjectCategory()).isEqualTo(SubjectCategory.NATURAL_PERSON);
        assertThat(linked.subject().subjectName()).isEqualTo("张三");
        assertThat(linked.subject().idType()).isEqualTo("身份证");
        assertThat(linked.subject().idNo()).isEqualTo(REP_ID);
        assertThat(linked.subject().uscc()).isNull();
        assertThat(linked.subject().legalRepIdNo()).isNull();
        assertThat(linked.relation()).isEqualTo(LegalRepLink.Relation.LEGAL_REPRESENTATIVE);
        assertThat(linked.linkedRecordId()).isEqualTo(ORG_RECORD);
        assertThat(LegalRepLink.organisationRecordId(linked)).contains(ORG_RECORD);
        assertThat(LegalRepLink.organisationRecordId(org)).isEmpty();
        assertThat(linked.decisionDocNo()).isEqualTo(org.decisionDocNo());
        assertThat(linked.fineAmount()).isEqualTo(org.fineAmount());
        assertThat(linked.publish()).isFalse();
        assertThat(linked.publishReason()).isEqualTo(LegalRepLink.NOT_PUBLISHED_REASON);
        assertThat(LegalRepLink.isLinked(linked)).isTrue();
        assertThat(LegalRepLink.qualifies(linked)).as("a link never links again").isFalse();
        // its own business key: a penalty the department gives the same person for the same decision is another
        assertThat(linked.businessKey()).isNotEqualTo(valid(SampleRecords.personPenalty("榕市监罚〔2026〕88号",
                REP_ID)).businessKey());
    }

    @Test
    void theLinkedRecordSurvivesTheIngestFormUnchanged() {
        for (ObjectNode org : List.of(seriousPenalty(), blackEntry())) {
            CreditRecord linked = LegalRepLink.derive(stored(org), Op.UPDATE);
            CreditRecord read = valid(LegalRepLink.submission(linked));
            assertThat(read.meta()).isEqualTo(new RecordMeta(linked.meta().recordId(), 0, Op.UPDATE));
            assertThat(read).isEqualTo(linked);
            assertThat(CanonicalJson.contentHash(read)).isEqualTo(CanonicalJson.contentHash(linked));
        }
    }

    @Test
    void onlyAQualifyingRecordWithItsGatewayIdCanBeLinked() {
        assertThatThrownBy(() -> LegalRepLink.derive(stored(seriousPenalty().put("severity", "一般")), Op.ADD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegalRepLink.derive(valid(seriousPenalty()), Op.ADD))
                .as("not stored yet").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkFieldsComeTogetherAndOnlyOnAPerson() {
        ObjectNode person = SampleRecords.personPenalty("榕市监罚〔2026〕90号", REP_ID);
        assertThat(errors(person.deepCopy().put("relation", "法定代表人"))).containsExactly("E_COND_REQUIRED:linkedRecordId");
        assertThat(errors(person.deepCopy().put("linkedRecordId", ORG_RECORD))).containsExactly("E_COND_REQUIRED:relation");
        assertThat(errors(person.deepCopy().put("relation", "董事长").put("linkedRecordId", ORG_RECORD)))
                .containsExactly("E_ENUM:relation");
        assertThat(errors(seriousPenalty().put("relation", "法定代表人").put("linkedRecordId", ORG_RECORD)))
                .containsExactly("E_SUBJECT_CONFLICT:relation");
        assertThat(errors(person.deepCopy().put("relation", "主要负责人").put("linkedRecordId", ORG_RECORD))).isEmpty();
    }

    @Test
    void aLinkedRecordIsSharedButNeverPublished() {
        UpstreamRouting routing = new UpstreamRouting(List.of(
                new Upstream("province", EnumSet.allOf(Dataset.class), Regime.SHARING),
                new Upstream("national", EnumSet.of(Dataset.PENALTY, Dataset.LIST), Regime.SHARING),
                new Upstream("creditchina", EnumSet.of(Dataset.PENALTY, Dataset.LIST), Regime.PUBLIC),
                new Upstream("gsxt", EnumSet.of(Dataset.PENALTY), Regime.GSXT)));
        for (ObjectNode org : List.of(seriousPenalty(), blackEntry())) {
            CreditRecord linked = LegalRepLink.derive(stored(org), Op.ADD);
            assertThat(routing.targets(linked)).containsExactly("province", "national");
            // and were it ever projected for publication, the ID number would be masked
            assertThat(PublicProjection.of(linked).toString()).doesNotContain(REP_ID).contains("110105********002X");
        }
        assertThat(routing.targets(stored(blackEntry()))).containsExactly("province", "national", "creditchina");
    }

    @Test
    void aLinkedShieldIdIsDerivedAndFitsTheShieldIdLength() {
        assertThat(LegalRepLink.linkedShieldId("S-REPAIR-1")).isEqualTo("GW-LR-S-REPAIR-1");
        String longId = "X".repeat(64);
        assertThat(LegalRepLink.linkedShieldId(longId)).hasSizeLessThanOrEqualTo(64).startsWith("GW-LR-")
                .isEqualTo(LegalRepLink.linkedShieldId(longId)).isNotEqualTo(LegalRepLink.linkedShieldId(longId + "Y"));
    }

    private static List<String> errors(ObjectNode json) {
        return new RecordValidator().validate(json, CTX).errors().stream().map(i -> i.code() + ":" + i.field())
                .toList();
    }
}
