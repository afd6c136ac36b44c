package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.Dataset;
import org.creditgate.model.License;
import org.creditgate.model.Op;
import org.creditgate.model.Penalty;
import org.creditgate.model.SubjectCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 行政处罚 and 行政许可 items (domain.md §3.2, §3.3) and the record-level rules of §4. */
class PenaltyAndLicenseRulesTest {

    private static List<String> codes(ValidationOutcome o) {
        return o.errors().stream().map(ValidationIssue::code).toList();
    }

    @Test
    void validPenaltyBuildsTheCanonicalRecord() {
        ValidationOutcome o = validate(Fixtures.penalty());
        assertThat(o.errors()).isEmpty();
        assertThat(o.dataset()).isEqualTo(Dataset.PENALTY);
        Penalty p = (Penalty) o.record();
        assertThat(p.meta().op()).isEqualTo(Op.ADD);
        assertThat(p.decisionDocNo()).isEqualTo("榕市监罚〔2026〕12号");
        assertThat(p.penaltyKinds()).containsExactly("罚款");
        assertThat(p.fineAmount()).isEqualByComparingTo("0.2");
        assertThat(p.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(p.subject().subjectCategory()).isEqualTo(SubjectCategory.LEGAL_ENTITY);
        assertThat(p.businessKey()).isEqualTo(Fixtures.AUTHORITY_USCC + "|榕市监罚〔2026〕12号|" + Fixtures.ORG_USCC);
    }

    @Test
    void blankDecisionNumberIsRequiredOnCfWsh() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_WSH", "  ");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "CF_WSH"));
    }

    @Test
    void englishNamesWorkAndErrorsUseThem() {
        ObjectNode r = Fixtures.JSON.createObjectNode();
        r.put("dataset", "PENALTY");
        Fixtures.penalty().fields().forEachRemaining(f -> r.set(f.getKey(), f.getValue()));
        r.remove("CF_WSH");
        r.put("decisionDocNo", "");
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).extracting(ValidationIssue::field).containsExactly("decisionDocNo");
    }

    @Test
    void everyErrorOfARecordIsCollected() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_WSH", "");
        r.put("CF_CFLB", "罚金");
        r.put("CF_JDRQ", "2026-02-30");
        r.put("CF_CFJGDM", "11350100003000014X");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_REQUIRED", "CF_WSH"), tuple("E_ENUM", "CF_CFLB"),
                        tuple("E_DATE_FORMAT", "CF_JDRQ"), tuple("E_USCC_CHECK", "CF_CFJGDM"));
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource({
        "CF_NR_FK, 2000元, E_AMOUNT",
        "CF_NR_FK, -1, E_AMOUNT",
        "CF_NR_FK, 0.1234567, E_AMOUNT",
        "CF_NR_FK, 0, E_AMOUNT",
        "CF_NR_FK, '', E_COND_REQUIRED",
        "CF_CFLB, 其他, E_COND_REQUIRED",
        "CF_CFLB, 罚金, E_ENUM",
        "CF_JDRQ, 2026.11.18, E_DATE_FORMAT",
        "CF_JDRQ, 2026-2-3, E_DATE_FORMAT",
        "CF_JDRQ, 2026-11/18, E_DATE_FORMAT",
        "CF_JDRQ, 2026-11-21, E_DATE_FUTURE",
        "CF_YXQ, 2026-11-17, E_DATE_ORDER",
        "CF_GSJZQ, 2026-11-01, E_DATE_ORDER",
        "CF_XDR_LB, 法人, E_ENUM",
        "CF_SJLYDM, '', E_REQUIRED"
    })
    void singleItemRules(String field, String value, String code) {
        ObjectNode r = Fixtures.penalty();
        r.put(field, value);
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple(code, field));
    }

    @Test
    void acceptedDateFormatsAreStoredAsIsoDates() {
        for (String d : new String[] {"2026-11-18", "2026/11/18", "20261118"}) {
            ObjectNode r = Fixtures.penalty();
            r.put("CF_JDRQ", d);
            assertThat(((Penalty) validate(r).record()).decisionDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        }
    }

    @Test
    void amountsMayBeJsonNumbersWithUpToSixDecimals() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_NR_FK", new BigDecimal("12.345678"));
        assertThat(((Penalty) validate(r).record()).fineAmount()).isEqualByComparingTo("12.345678");
    }

    @Test
    void lengthsAreCountedInCharacters() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_WSH", "文".repeat(128));
        assertThat(validate(r).errors()).isEmpty();
        r.put("CF_WSH", "文".repeat(129));
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_LENGTH", "CF_WSH"));
    }

    @Test
    void confiscationAndLicenceKindsNeedTheirItems() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_CFLB", "罚款；没收违法所得;吊销许可证件");
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).extracting(ValidationIssue::code, ValidationIssue::field).containsExactlyInAnyOrder(
                tuple("E_COND_REQUIRED", "CF_NR_WFFF"), tuple("E_COND_REQUIRED", "CF_NR_ZKDX"));
        assertThat(o.warnings()).extracting(ValidationIssue::code).contains("W_NORMALIZED");

        r.put("CF_NR_WFFF", "0.05");
        r.put("CF_NR_ZKDX", "食品经营许可证 JY13501000000001");
        ValidationOutcome fixed = validate(r);
        assertThat(fixed.errors()).isEmpty();
        assertThat(((Penalty) fixed.record()).penaltyKinds()).containsExactly("罚款", "没收违法所得", "吊销许可证件");
    }

    @Test
    void otherKindWithDetailAndLegacyKindsAreAccepted() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_CFLB", "警告;其他-责令改正");
        assertThat(validate(r).errors()).isEmpty();
        r.put("CF_CFLB", "暂扣或者吊销执照");
        r.put("CF_NR_ZKDX", "营业执照");
        assertThat(validate(r).errors()).isEmpty();
    }

    @Test
    void gatewayOnlyFieldsAreRead() {
        ObjectNode r = Fixtures.penalty();
        r.put("procedure", "简易");
        r.put("severity", "严重失信");
        r.put("publish", "N");
        r.put("publishReason", "涉及个人隐私");
        Penalty p = (Penalty) validate(r).record();
        assertThat(p.procedure()).isEqualTo(Penalty.Procedure.SIMPLE);
        assertThat(p.severity()).isEqualTo(Penalty.Severity.SERIOUS);
        assertThat(p.publish()).isFalse();
        r.put("severity", "很严重");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_ENUM", "severity"));
    }

    @Test
    void lateReportIsAWarningCountedInWorkingDays() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_JDRQ", "2026-11-11"); // +7 working days = 2026-11-20, the receive date: on time
        assertThat(validate(r).warnings()).isEmpty();
        r.put("CF_JDRQ", "2026-11-10"); // deadline 2026-11-19
        ValidationOutcome late = validate(r);
        assertThat(late.valid()).isTrue();
        assertThat(late.warnings()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("W_LATE_REPORT", "CF_JDRQ"));
        assertThat(late.warnings().get(0).message()).contains("2026-11-19");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 自然人 with a USCC
        "person-uscc, CF_XDR_SHXYM",
        // 自然人 with a 法定代表人
        "person-legalrep, CF_FRDB",
        // organisation with a personal ID number
        "org-idno, CF_XDR_ZJHM",
        // 个体工商户 whose USCC is not 92…
        "individual-not92, CF_XDR_SHXYM",
        // 法人 whose USCC is 92…
        "org-92, CF_XDR_SHXYM"
    })
    void subjectCategoryConflicts(String variant, String field) {
        ObjectNode r = switch (variant) {
            case "person-uscc" -> Fixtures.personPenalty().put("CF_XDR_SHXYM", Fixtures.ORG_USCC);
            case "person-legalrep" -> Fixtures.personPenalty().put("CF_FRDB", "张三");
            case "org-idno" -> Fixtures.penalty().put("CF_XDR_ZJHM", Fixtures.ID);
            case "individual-not92" -> Fixtures.penalty().put("CF_XDR_LB", "个体工商户");
            default -> Fixtures.penalty().put("CF_XDR_SHXYM", Fixtures.INDIVIDUAL_USCC);
        };
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_SUBJECT_CONFLICT", field));
    }

    @Test
    void subjectRequiredItemsDependOnTheCategory() {
        ObjectNode person = Fixtures.personPenalty();
        person.remove("CF_XDR_ZJHM");
        assertThat(validate(person).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "CF_XDR_ZJHM"));
        ObjectNode org = Fixtures.penalty();
        org.remove("CF_XDR_SHXYM");
        org.remove("CF_FRDB");
        assertThat(validate(org).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_REQUIRED", "CF_XDR_SHXYM"), tuple("E_REQUIRED", "CF_FRDB"));
        ObjectNode individual = Fixtures.penalty().put("CF_XDR_LB", "个体工商户")
                .put("CF_XDR_SHXYM", Fixtures.INDIVIDUAL_USCC);
        assertThat(validate(individual).errors()).isEmpty();
    }

    @Test
    void idTypeOtherNeedsDetail() {
        ObjectNode r = Fixtures.personPenalty().put("CF_XDR_ZJLX", "其他").put("CF_XDR_ZJHM", "X123");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_COND_REQUIRED", "CF_XDR_ZJLX"));
        r.put("CF_XDR_ZJLX", "其他-军官证");
        assertThat(validate(r).errors()).isEmpty();
    }

    @Test
    void validLicenseAndItsRules() {
        ValidationOutcome ok = validate(Fixtures.license());
        assertThat(ok.errors()).isEmpty();
        License l = (License) ok.record();
        assertThat(l.status()).isEqualTo(License.Status.VALID);
        assertThat(l.validTo()).isEqualTo(LocalDate.of(2031, 11, 16));

        ObjectNode r = Fixtures.license();
        r.put("XK_YXQZ", "2032-01-01");
        r.put("XK_ZT", "3");
        r.put("XK_XKLB", "其他");
        r.remove("XK_XKBH");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_DATE_ORDER", "XK_YXQZI"), tuple("E_ENUM", "XK_ZT"),
                        tuple("E_COND_REQUIRED", "XK_XKLB"), tuple("E_COND_REQUIRED", "XK_XKBH"));
    }

    @Test
    void licenseDecisionInTheFutureAndValidToBeforeDecision() {
        ObjectNode r = Fixtures.license();
        r.put("XK_JDRQ", "2026-12-01");
        r.put("XK_YXQZ", "2026-11-01");
        r.put("XK_YXQZI", "2026-11-30");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_DATE_FUTURE", "XK_JDRQ"), tuple("E_DATE_ORDER", "XK_YXQZI"));
    }

    @Test
    void datasetMustBeKnowable() {
        ObjectNode r = Fixtures.JSON.createObjectNode().put("subjectName", "x");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "dataset"));
        r.put("dataset", "TAXES");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_ENUM", "dataset"));
    }

    @Test
    void opAndVersionControlKeys() {
        ObjectNode r = Fixtures.penalty().put("op", "UPDATE").put("version", 3);
        Penalty p = (Penalty) validate(r).record();
        assertThat(p.meta().op()).isEqualTo(Op.UPDATE);
        assertThat(p.meta().version()).isEqualTo(3);
        r.put("op", "PATCH").put("version", "zero");
        assertThat(codes(validate(r))).containsExactlyInAnyOrder("E_ENUM", "E_FORMAT");
    }

    @Test
    void nestedValuesAreRefusedAsFormatErrors() {
        ObjectNode r = Fixtures.penalty();
        r.putObject("CF_WSH").put("x", 1);
        assertThat(validate(r).errors()).extracting(ValidationIssue::code).contains("E_FORMAT");
    }
}
