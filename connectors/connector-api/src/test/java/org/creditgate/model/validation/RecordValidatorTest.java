package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.Penalty;
import org.creditgate.model.Shield;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Record-level behaviour of {@link RecordValidator}: input shape, control keys, timeliness, reuse across threads. */
class RecordValidatorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LICENSE", "PENALTY", "LIST", "DISHONEST_EXECUTEE", "COMMITMENT", "REPAIR", "OBJECTION",
        "SHIELD", "JOINT_FEEDBACK"})
    void everySampleIsValidWithoutWarnings(String dataset) {
        ValidationOutcome o = validate(SampleRecords.load(dataset));
        assertThat(o.errors()).isEmpty();
        assertThat(o.warnings()).isEmpty();
        assertThat(o.valid()).isTrue();
        assertThat(o.record().dataset().name()).isEqualTo(dataset);
        assertThat(o.record().meta().version()).isZero();
    }

    @Test
    void onlyAJsonObjectIsARecord() {
        ValidationOutcome o = Fixtures.VALIDATOR.validate(Fixtures.JSON.createArrayNode(), Fixtures.CTX);
        assertThat(o.dataset()).isNull();
        assertThat(o.errors()).extracting(ValidationIssue::code).containsExactly("E_FORMAT");
    }

    @Test
    void unknownKeysAreIgnored() {
        ObjectNode r = Fixtures.penalty().put("CF_FUTURE_ITEM", "x").put("department", "samr");
        assertThat(validate(r).errors()).isEmpty();
    }

    @Test
    void usccWorkedExampleUnderItsCanonicalNameInAPenalty() {
        ObjectNode r = Fixtures.penalty().put("dataset", "PENALTY");
        r.remove("CF_XDR_SHXYM");
        r.put("uscc", "91350100M000100Y4Z");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_USCC_CHARSET", "uscc"));
        r.put("uscc", "91350100M000100Y43");
        assertThat(validate(r).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CF_CFJGDM, 11350100003000014Z, E_USCC_CHARSET", "CF_SJLYDM, 1135010000300001, E_USCC_LENGTH",
        "CF_CFJGDM, 00000000000000000X, E_USCC_CHECK"})
    void everyUsccFieldIsChecked(String field, String value, String code) {
        assertThat(validate(Fixtures.penalty().put(field, value)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple(code, field));
    }

    @Test
    void versionMustBePositive() {
        assertThat(validate(Fixtures.penalty().put("version", "0")).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_FORMAT", "version"));
        assertThat(validate(Fixtures.penalty().put("recordId", "r-1").put("version", 2)).record().meta())
                .satisfies(m -> assertThat(m.recordId()).isEqualTo("r-1"))
                .satisfies(m -> assertThat(m.version()).isEqualTo(2));
    }

    @Test
    void publishMayBeAJsonBooleanAndNotPublishingNeedsAReason() {
        assertThat(((Penalty) validate(Fixtures.penalty().put("publish", true)).record()).publish()).isTrue();
        assertThat(validate(Fixtures.penalty().put("publish", false)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_COND_REQUIRED", "publishReason"));
        assertThat(validate(Fixtures.penalty().put("publish", "N").put("publishReason", "涉及个人隐私")).errors())
                .isEmpty();
    }

    @Test
    void lateReportIsOnlyForFirstSubmissions() {
        ObjectNode r = Fixtures.penalty().put("CF_JDRQ", "2026-10-08").put("CF_YXQ", "2027-10-08");
        assertThat(validate(r).warnings()).extracting(ValidationIssue::code).containsExactly("W_LATE_REPORT");
        assertThat(validate(r.put("op", "UPDATE")).warnings()).isEmpty();
    }

    @ParameterizedTest(name = "decided {0}, received {1}: late={2}")
    @CsvSource({
        "2026-02-12, 2026-02-28, false",  // 7th working day: Sat 02-14 and Sat 02-28 are 调休 workdays, 02-15..23 off
        "2026-02-12, 2026-03-02, true",
        "2026-09-29, 2026-10-14, false",  // 国庆 10-01..07 off, Sat 10-10 worked: 09-30, 10-08, 09, 10, 12, 13, 14
        "2026-09-29, 2026-10-15, true"
    })
    void lateReportCountsWorkingDaysOfTheCalendar(LocalDate decided, LocalDate received, boolean late) {
        ValidationContext ctx = new ValidationContext(received, WorkingDayCalendar.fromClasspath());
        ObjectNode r = SampleRecords.decidedOn(Fixtures.penalty(), decided);
        List<ValidationIssue> warnings = Fixtures.VALIDATOR.validate(r, ctx).warnings();
        assertThat(warnings.stream().anyMatch(w -> w.code().equals("W_LATE_REPORT"))).isEqualTo(late);
    }

    @Test
    void aDeadlineInAYearWithoutCalendarSaysSo() {
        ValidationContext ctx = new ValidationContext(LocalDate.of(2030, 3, 1), WorkingDayCalendar.fromClasspath());
        ObjectNode r = SampleRecords.decidedOn(Fixtures.penalty(), LocalDate.of(2030, 1, 2));
        assertThat(Fixtures.VALIDATOR.validate(r, ctx).warnings()).singleElement()
                .satisfies(w -> assertThat(w.code()).isEqualTo("W_LATE_REPORT"))
                .satisfies(w -> assertThat(w.message()).contains("Monday–Friday assumed"));
    }

    @Test
    void executeeOrganisationMayBeIdentifiedByOrganisationCode() {
        ObjectNode org = Fixtures.executee().put("subjectName", "福州某某科技有限公司")
                .put("subjectCategory", "法人及非法人组织").put("legalRep", "张三").put("orgCode", "M000100Y4");
        org.remove(List.of("idType", "idNo", "gender", "age"));
        ValidationOutcome o = validate(org);
        assertThat(o.errors()).isEmpty();
        assertThat(((DishonestExecutee) o.record()).subject().orgCode()).isEqualTo("M000100Y4");
        org.remove("orgCode");
        assertThat(validate(org).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "uscc"));
    }

    @Test
    void executeeGender() {
        assertThat(validate(Fixtures.executee().put("gender", "F")).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple("E_ENUM", "gender"));
        ObjectNode noGender = Fixtures.executee();
        noGender.remove("gender");
        assertThat(validate(noGender).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "gender"));
    }

    @Test
    void aShieldOfSomePlatformsOnlyMustNameThem() {
        ObjectNode platforms = Fixtures.shield().put("scope", "指定平台");
        platforms.remove("targets");
        assertThat(validate(platforms).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E_COND_REQUIRED", "targets"));

        platforms.putArray("targets").add("gsxt");
        Shield shield = (Shield) validate(platforms).record();
        assertThat(shield.scope()).isEqualTo(Shield.Scope.PLATFORMS);
        assertThat(((Shield) validate(Fixtures.shield()).record()).scope()).as("default").isEqualTo(Shield.Scope.RECORD);
    }

    @Test
    void shieldCauseByNationalLabel() {
        assertThat(((Shield) validate(Fixtures.shield().put("cause", "法院删除")).record()).cause())
                .isEqualTo(Shield.Cause.COURT_DELETED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"350100202611010000011", "3501002026110100000A", "35010020260230000001"})
    void commitmentCodesOfTheWrongShapeAreFormatErrors(String code) {
        assertThat(validate(Fixtures.commitment().put("code", code)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple("E_FORMAT", "code"));
        assertThat(validate(Fixtures.repair().put("commitmentCode", code)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_FORMAT", "commitmentCode"));
    }

    @Test
    void oneValidatorServesManyThreads() {
        List<ObjectNode> inputs = List.of(Fixtures.penalty(), Fixtures.personPenalty(), Fixtures.license(),
                Fixtures.penalty().put("CF_XDR_SHXYM", "91350100M000100Y4Z"));
        List<ValidationOutcome> expected = inputs.stream().map(Fixtures::validate).toList();
        IntStream.range(0, 4_000).parallel().forEach(i -> assertThat(validate(inputs.get(i % 4)))
                .isEqualTo(expected.get(i % 4)));
    }
}
