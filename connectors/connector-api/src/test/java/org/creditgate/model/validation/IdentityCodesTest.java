package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditgate.model.validation.Fixtures.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 32100 (USCC), GB 11714 (organisation code) and GB 11643 (citizen ID) checks, through whole records. */
class IdentityCodesTest {

    private static ObjectNode penaltyWithUscc(String uscc) {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_XDR_SHXYM", uscc);
        return r;
    }

    @Test
    void workedExampleUsccIsValid() {
        ValidationOutcome o = validate(penaltyWithUscc("91350100M000100Y43"));
        assertThat(o.errors()).isEmpty();
        assertThat(o.warnings()).isEmpty();
        assertThat(o.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "91350100M000100Y4Z, E_USCC_CHARSET",   // Z is not in the charset (domain.md worked example)
        "91350100M000100Y4,  E_USCC_LENGTH",
        "91350100M000100Y433, E_USCC_LENGTH",
        "9135A100M000100Y43, E_USCC_CHARSET",   // letter in the region positions 3–8
        "91350100M000100Y44, E_USCC_CHECK",
        "000000000000000000, E_USCC_AUTHORITY", // passes the checksum, authority 0 does not exist
        "94350100M000100Y4R, E_USCC_TYPE",      // authority 9 (市场监管) has no type 4
        "91990100M000100Y4U, E_USCC_REGION",    // 99 is no province
        "00000000000000000X, E_USCC_CHECK"      // the placeholder outside its one allowed use
    })
    void invalidUsccGivesItsCodeOnTheFieldThatCarriedIt(String uscc, String code) {
        ValidationOutcome o = validate(penaltyWithUscc(uscc));
        assertThat(o.valid()).isFalse();
        assertThat(o.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo("CF_XDR_SHXYM");
            assertThat(e.message()).contains(uscc);
        });
    }

    @Test
    void canonicalFieldNamesAreReportedAsSent() {
        ObjectNode r = Fixtures.listEntry().put("uscc", "91350100M000100Y4Z");
        assertThat(validate(r).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("uscc"))
                .satisfies(e -> assertThat(e.code()).isEqualTo("E_USCC_CHARSET"));
    }

    @Test
    void embeddedOrganisationCodeIsOnlyAWarning() {
        ValidationOutcome o = validate(penaltyWithUscc("91350100M000100Y56"));
        assertThat(o.valid()).isTrue();
        assertThat(o.warnings()).extracting(ValidationIssue::code).containsExactly("W_USCC_ORGCODE");
    }

    @Test
    void gb11714WorkedExample() {
        assertThat(OrgCodeCheck.isValid("M000100Y4")).isTrue();
        assertThat(OrgCodeCheck.isValid("M000100Y5")).isFalse();
        assertThat(OrgCodeCheck.isValid("MA2XK0018")).isTrue();
    }

    @Test
    void explicitOrganisationCodeFieldIsChecked() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_XDR_ZZJG", "M000100Y5");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E_ORGCODE_CHECK", "CF_XDR_ZZJG"));
        r.put("CF_XDR_ZZJG", "M000100Y4");
        assertThat(validate(r).errors()).isEmpty();
    }

    @Test
    void fullWidthAndLowerCaseCodesAreNormalisedWithAWarning() {
        ValidationOutcome o = validate(penaltyWithUscc("　９１３５０１００ｍ０００１００ｙ４３ "));
        assertThat(o.valid()).isTrue();
        assertThat(o.warnings()).extracting(ValidationIssue::code).containsExactly("W_NORMALIZED");
        assertThat(((org.creditgate.model.Penalty) o.record()).subject().uscc()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void placeholderUsccIsAcceptedOnlyForAnIndividualBusinessWithRegistrationNumber() {
        ObjectNode r = penaltyWithUscc("00000000000000000X");
        r.put("CF_XDR_LB", "个体工商户");
        r.put("CF_XDR_GSZC", "350100600012345");
        ValidationOutcome o = validate(r);
        assertThat(o.errors()).isEmpty();
        assertThat(o.warnings()).extracting(ValidationIssue::code).containsExactly("W_PLACEHOLDER_USCC");

        r.remove("CF_XDR_GSZC");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code).containsExactly("E_USCC_CHECK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"11010519491231002X", "440524188001010014", "830000199001010012", "11010519491231002x"})
    void validCitizenIds(String id) {
        ObjectNode r = Fixtures.personPenalty();
        r.put("CF_XDR_ZJHM", id);
        assertThat(validate(r).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "110105491231002,    E_ID_FORMAT",     // 15-digit GB 11643-1989 number
        "1101051949123100AX, E_ID_FORMAT",
        "990105194912310023, E_ID_REGION",
        "110105194902300020, E_ID_BIRTHDATE",  // 30 February
        "110105209901010020, E_ID_BIRTHDATE",  // born after the receive date
        "110105194912310021, E_ID_CHECK"
    })
    void invalidCitizenIdsAreRejectedWithTheNumberMasked(String id, String code) {
        ObjectNode r = Fixtures.personPenalty();
        r.put("CF_XDR_ZJHM", id);
        assertThat(validate(r).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo("CF_XDR_ZJHM");
            assertThat(e.message()).doesNotContain(id.toUpperCase());
        });
    }

    @Test
    void idNumbersOfOtherDocumentTypesAreNotCheckedAsCitizenIds() {
        ObjectNode r = Fixtures.personPenalty();
        r.put("CF_XDR_ZJLX", "护照号");
        r.put("CF_XDR_ZJHM", "E12345678");
        assertThat(validate(r).errors()).isEmpty();
    }

    @Test
    void legalRepresentativeIdIsCheckedWhenItIsACitizenId() {
        ObjectNode r = Fixtures.penalty();
        r.put("CF_FR_ZJLX", "身份证");
        r.put("CF_FR_ZJHM", "350102198001011234");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E_ID_CHECK", "CF_FR_ZJHM"));
        r.put("CF_FR_ZJHM", "350102198001011233");
        assertThat(validate(r).errors()).isEmpty();
    }
}
