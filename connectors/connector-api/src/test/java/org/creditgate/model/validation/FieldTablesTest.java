package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The declarative field tables against domain.md §3, and proof that every entry is wired: each length and each
 * required item is enforced under the name the sender used.
 */
class FieldTablesTest {

    /** Every dataset's table, with the sample record whose items it describes. */
    private static final Map<String, List<FieldSpec>> TABLES = Map.of(
            "PENALTY", concat(SubjectFields.PENALTY.all(), PenaltyFields.ALL),
            "LICENSE", concat(SubjectFields.LICENSE.all(), LicenseFields.ALL),
            "LIST", concat(SubjectFields.CANONICAL.all(), ListFields.ALL),
            "DISHONEST_EXECUTEE", concat(SubjectFields.CANONICAL.all(), ExecuteeFields.ALL),
            "COMMITMENT", concat(SubjectFields.CANONICAL.all(), CommitmentFields.ALL),
            "REPAIR", concat(SubjectFields.CANONICAL.all(), RepairFields.ALL),
            "OBJECTION", ObjectionFields.ALL,
            "SHIELD", ShieldFields.ALL,
            "JOINT_FEEDBACK", concat(SubjectFields.CANONICAL.all(), FeedbackFields.ALL));

    private static List<FieldSpec> concat(List<FieldSpec> a, List<FieldSpec> b) {
        List<FieldSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static FieldSpec byCode(String code) {
        return Stream.concat(TABLES.get("PENALTY").stream(), TABLES.get("LICENSE").stream())
                .filter(f -> code.equals(f.code())).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // §3.1 subject block (CF_ prefix; XK_ is the same table)
        "CF_XDR_MC, subjectName, 200, true", "CF_XDR_SHXYM, uscc, 18, false", "CF_XDR_GSZC, bizRegNo, 50, false",
        "CF_XDR_ZZJG, orgCode, 9, false", "CF_XDR_SWDJ, taxRegNo, 20, false", "CF_XDR_SYDW, instCertNo, 12, false",
        "CF_XDR_SHZZ, socialOrgRegNo, 50, false", "CF_FRDB, legalRep, 50, false",
        "CF_FR_ZJHM, legalRepIdNo, 64, false", "CF_XDR_ZJHM, idNo, 64, false", "XK_XDR_MC, subjectName, 200, true",
        // §3.2 行政许可
        "XK_XKWS, decisionDocName, 256, true", "XK_WSH, decisionDocNo, 128, true", "XK_XKZS, certName, 256, false",
        "XK_XKBH, certNo, 128, false", "XK_NR, content, 4000, true", "XK_JDRQ, decisionDate, 0, true",
        "XK_YXQZ, validFrom, 0, true", "XK_YXQZI, validTo, 0, true", "XK_XKJG, authorityName, 200, true",
        "XK_XKJGDM, authorityUscc, 18, true", "XK_ZT, status, 0, true", "XK_LYDW, sourceUnit, 200, true",
        "XK_LYDWDM, sourceUnitUscc, 18, true",
        // §3.3 行政处罚
        "CF_WSH, decisionDocNo, 128, true", "CF_WFXW, violationType, 2000, true", "CF_SY, facts, 4000, true",
        "CF_YJ, legalBasis, 2000, true", "CF_CFLB, penaltyKinds, 500, true", "CF_NR, content, 4000, true",
        "CF_NR_FK, fineAmount, 0, false", "CF_NR_WFFF, confiscatedAmount, 0, false",
        "CF_NR_ZKDX, suspendedLicense, 200, false", "CF_JDRQ, decisionDate, 0, true",
        "CF_YXQ, effectiveUntil, 0, true", "CF_GSJZQ, publishUntil, 0, false", "CF_CFJG, authorityName, 200, true",
        "CF_CFJGDM, authorityUscc, 18, true", "CF_SJLY, sourceUnit, 200, true", "CF_SJLYDM, sourceUnitUscc, 18, true"
    })
    void doubleDisclosureTablesMatchTheDomainSpec(String code, String id, int max, boolean required) {
        FieldSpec f = byCode(code);
        assertThat(f.id()).isEqualTo(id);
        assertThat(f.max()).isEqualTo(max);
        assertThat(f.required()).isEqualTo(required);
    }

    static Stream<Arguments> limitedItems() {
        return TABLES.entrySet().stream().flatMap(t -> t.getValue().stream()
                .filter(f -> f.max() > 0 && f.kind() != FieldSpec.Kind.USCC && f.kind() != FieldSpec.Kind.INTEGER)
                .map(f -> Arguments.of(t.getKey(), f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("limitedItems")
    void everyMaximumLengthIsEnforcedOnTheNameTheSenderUsed(String dataset, FieldSpec f) {
        ObjectNode r = SampleRecords.load(dataset);
        String key = f.code() != null ? f.code() : f.id();
        String ch = f.kind() == FieldSpec.Kind.LIST ? "x" : "文"; // a list splits on ";", not on characters
        r.put(key, ch.repeat(f.max()));
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .doesNotContain(tuple("E_LENGTH", key));
        r.put(key, ch.repeat(f.max() + 1));
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .contains(tuple("E_LENGTH", key));
    }

    static Stream<Arguments> requiredItems() {
        return TABLES.entrySet().stream().flatMap(t -> t.getValue().stream().filter(FieldSpec::required)
                .map(f -> Arguments.of(t.getKey(), f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredItems")
    void everyRequiredItemIsRequiredOnTheNameTheSenderUsed(String dataset, FieldSpec f) {
        ObjectNode r = SampleRecords.load(dataset);
        String key = f.code() != null ? f.code() : f.id();
        assertThat(r.has(key)).as("sample has " + key).isTrue();
        r.remove(key);
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", key));
        r.put(key, " \u3000");
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", key));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PENALTY", "LICENSE"})
    void nationalCodesAndCanonicalNamesGiveTheSameRecord(String dataset) {
        ObjectNode national = SampleRecords.load(dataset);
        ObjectNode canonical = Fixtures.JSON.createObjectNode().put("dataset", dataset);
        national.fields().forEachRemaining(e -> canonical.set(TABLES.get(dataset).stream()
                .filter(f -> e.getKey().equals(f.code())).map(FieldSpec::id).findFirst().orElse(e.getKey()),
                e.getValue()));
        assertThat(canonical.fieldNames()).toIterable().noneMatch(k -> k.startsWith("CF_") || k.startsWith("XK_"));

        ValidationOutcome fromCodes = validate(national);
        ValidationOutcome fromNames = validate(canonical);
        assertThat(fromCodes.errors()).isEmpty();
        assertThat(fromNames.record()).isEqualTo(fromCodes.record());
    }
}
