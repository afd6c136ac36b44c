package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.Penalty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation before checks (domain.md §2.4) and the rule that no message shows a personal ID number (§8). */
class NormalisationAndMaskingTest {

    @ParameterizedTest(name = "{0}: \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "CF_XDR_SHXYM | '　９１３５０１００ｍ０００１００ｙ４３ ' | 91350100M000100Y43",
        "CF_CFJGDM    | ' 11350100003000014r'                    | 11350100003000014R",
        "CF_JDRQ      | '２０２６－１１－１８'                      | 2026-11-18",
        "CF_NR_FK     | '０．２'                                  | 0.2",
        "CF_CFLB      | '罚款；警告'                              | 罚款;警告",
        "publish      | y                                        | Y"
    })
    void codesAreNormalisedWithAWarningAndTheNormalisedValueIsUsed(String field, String sent, String normalised) {
        ObjectNode r = Fixtures.penalty().put(field, sent);
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).isEmpty();
        assertThat(o.warnings()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("W_NORMALIZED", field));
        assertThat(o.warnings().get(0).message()).contains(normalised);
    }

    @Test
    void normalisedValuesAreStored() {
        Penalty p = (Penalty) validate(Fixtures.penalty().put("CF_CFJGDM", " 11350100003000014r")
                .put("CF_CFLB", "罚款；警告")).record();
        assertThat(p.authorityUscc()).isEqualTo("11350100003000014R");
        assertThat(p.penaltyKinds()).containsExactly("罚款", "警告");
    }

    @Test
    void freeTextIsOnlyTrimmedAndKeepsFullWidthCharacters() {
        ValidationOutcome o = validate(Fixtures.penalty().put("CF_WSH", "  （2026）榕市监罚１２号　"));
        assertThat(((Penalty) o.record()).decisionDocNo()).isEqualTo("（2026）榕市监罚１２号");
        assertThat(o.warnings()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("W_NORMALIZED", "CF_WSH"));
    }

    @Test
    void unchangedValuesGiveNoWarning() {
        assertThat(validate(Fixtures.penalty()).warnings()).isEmpty();
    }

    @Test
    void otherWithAFullWidthHyphenIsNormalisedNotRefused() {
        ObjectNode r = Fixtures.personPenalty().put("CF_XDR_ZJLX", "其他－军官证").put("CF_XDR_ZJHM", "军字第123号");
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).isEmpty();
        assertThat(((Penalty) o.record()).subject().idType()).isEqualTo("其他-军官证");
    }

    @Test
    void normalisedIdNumbersAreQuotedMasked() {
        ObjectNode r = Fixtures.personPenalty().put("CF_XDR_ZJHM", " 11010519491231002x");
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).isEmpty();
        assertThat(((Penalty) o.record()).subject().idNo()).isEqualTo("11010519491231002X");
        assertThat(o.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("W_NORMALIZED");
            assertThat(w.message()).contains("110105********002X").doesNotContain("19491231");
        });
    }

    /** Every way a personal number can be wrong: no message of any of them may reveal it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CF_XDR_ZJHM, 110105194912310021",   // E_ID_CHECK
        "CF_XDR_ZJHM, 110105194902300029",   // E_ID_BIRTHDATE
        "CF_XDR_ZJHM, 990105194912310021",   // E_ID_REGION
        "CF_XDR_ZJHM, 11010519491231002Ａ",   // E_ID_FORMAT after normalisation
        "CF_FR_ZJHM, 110105194912310021"
    })
    void noMessageRevealsAPersonalIdNumber(String field, String idNo) {
        ObjectNode r = field.equals("CF_FR_ZJHM")
                ? Fixtures.penalty().put("CF_FR_ZJLX", "身份证").put(field, idNo)
                : Fixtures.personPenalty().put(field, idNo);
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).extracting(ValidationIssue::field).containsExactly(field);
        // the birth date (characters 7–14) is what masking hides
        assertThat(Stream.concat(o.errors().stream(), o.warnings().stream())).allSatisfy(i -> assertThat(i.message())
                .contains(idNo.substring(0, 6) + "********").doesNotContain(idNo.substring(6, 14)));
    }

    @Test
    void anOrganisationsIdNumberConflictDoesNotQuoteIt() {
        ValidationOutcome o = validate(Fixtures.penalty().put("CF_XDR_ZJHM", Fixtures.ID));
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).doesNotContain(Fixtures.ID));
    }

    @Test
    void executeeSubjectKeysAndToStringHideTheNumber() {
        DishonestExecutee d = (DishonestExecutee) validate(Fixtures.executee()).record();
        assertThat(d.subjectKey()).startsWith("P:").doesNotContain(Fixtures.ID);
        assertThat(d.toString()).doesNotContain(Fixtures.ID).contains("110105********002X");
    }
}
