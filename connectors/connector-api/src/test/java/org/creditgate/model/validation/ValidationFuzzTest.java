package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.samples.FuzzRecords;
import org.junit.jupiter.api.Test;

/**
 * Property test of validation over generated hostile and near-valid records (seeded, {@link FuzzRecords}): whatever
 * the input, validation returns (never throws, never takes long), every error is a coded finding that names a field
 * and quotes no personal ID number unmasked, and an accepted record satisfies the model's own checks again — every
 * USCC passes GB 32100, every 身份证 number GB 11643, every text is normalised, printable (no control characters,
 * half surrogates or bidi overrides) and within the longest item, and the
 * canonical JSON round-trips.
 */
class ValidationFuzzTest {

    private static final int TRIES = 3000;
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final Duration SLOW = Duration.ofSeconds(2);

    @Test
    void validationHoldsItsInvariantsOnGeneratedRecords() {
        long seed = FuzzRecords.seed();
        FuzzRecords gen = new FuzzRecords(seed);
        int accepted = 0;
        for (int i = 0; i < TRIES; i++) {
            ObjectNode input = gen.next();
            String where = "seed " + seed + ", try " + i + ": " + clip(input.toString());
            long start = System.nanoTime();
            ValidationOutcome outcome;
            try {
                outcome = Fixtures.validate(input);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("validation threw on " + where, e);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(where).isLessThan(SLOW);
            SoftAssertions soft = new SoftAssertions();
            checkFindings(soft, input, outcome, where);
            if (outcome.valid()) {
                accepted++;
                checkAccepted(soft, outcome, where);
            } else {
                soft.assertThat(outcome.errors()).as(where).isNotEmpty();
                soft.assertThat(outcome.record()).as(where).isNull();
            }
            soft.assertThat(Fixtures.validate(input.deepCopy())).as("deterministic: " + where).isEqualTo(outcome);
            soft.assertAll();
        }
        // the generator must exercise both sides, or the property says little
        assertThat(accepted).as("accepted of %d", TRIES).isBetween(TRIES / 20, TRIES - TRIES / 20);
    }

    @Test
    void aNumberWithAHugeExponentIsAnAmountErrorNotAnOutOfMemory() {
        for (String n : List.of("1e999999999", "1e-999999999", "1e2147483647", "-1e-2147483647")) {
            ObjectNode r = Fixtures.penalty();
            r.set("CF_NR_FK", Fixtures.JSON.getNodeFactory().numberNode(new java.math.BigDecimal(n)));
            ValidationOutcome o = Fixtures.validate(r);
            assertThat(o.errors()).as(n).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("E_AMOUNT");
                assertThat(e.field()).isEqualTo("CF_NR_FK");
                assertThat(e.message()).hasSizeLessThan(300);
            });
        }
    }

    @Test
    void anIdNumberSentInTheWrongFieldIsQuotedMasked() {
        ObjectNode r = Fixtures.penalty().put("CF_XDR_SHXYM", Fixtures.ID).put("CF_XDR_LB", Fixtures.ID);
        ValidationOutcome o = Fixtures.validate(r);
        assertThat(o.errors()).extracting(ValidationIssue::field).contains("CF_XDR_SHXYM", "CF_XDR_LB");
        assertThat(o.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain(Fixtures.ID));
        assertThat(o.errors()).anySatisfy(e -> assertThat(e.message()).contains("110105********002X"));
    }

    private static void checkFindings(SoftAssertions soft, JsonNode input, ValidationOutcome outcome, String where) {
        List<String> ids = idNumbersIn(input);
        for (ValidationIssue e : outcome.errors()) {
            soft.assertThat(e.code()).as(where).matches("E_[A-Z0-9_]+");
            soft.assertThat(e.field()).as("every error names a field: " + e + " / " + where).isNotNull().isNotBlank();
            soft.assertThat(e.message()).as(where).isNotBlank().hasSizeLessThan(1000);
            ids.forEach(id -> soft.assertThat(e.message()).as("unmasked ID number in " + e + " / " + where)
                    .doesNotContain(id));
        }
        for (ValidationIssue w : outcome.warnings()) {
            soft.assertThat(w.code()).as(where).matches("W_[A-Z0-9_]+");
            soft.assertThat(w.field()).as(where).isNotNull();
            ids.forEach(id -> soft.assertThat(w.message()).as("unmasked ID number in " + w + " / " + where)
                    .doesNotContain(id));
        }
    }

    private static void checkAccepted(SoftAssertions soft, ValidationOutcome outcome, String where) {
        CreditRecord record = outcome.record();
        soft.assertThat(record.dataset()).as(where).isEqualTo(outcome.dataset());
        String json = CanonicalJson.write(record);
        soft.assertThat(CanonicalJson.read(json)).as("canonical round trip: " + where).isEqualTo(record);
        soft.assertThat(CanonicalJson.contentHash(CanonicalJson.read(json))).as(where)
                .isEqualTo(CanonicalJson.contentHash(record));
        JsonNode tree = CanonicalJson.mapper().valueToTree(record);
        boolean placeholder = outcome.warnings().stream().anyMatch(w -> w.code().equals("W_PLACEHOLDER_USCC"));
        List<Map.Entry<String, JsonNode>> texts = new ArrayList<>();
        collectTexts(tree, texts);
        for (Map.Entry<String, JsonNode> t : texts) {
            String key = t.getKey();
            String v = t.getValue().asText();
            soft.assertThat(v).as("normalised " + key + ": " + where).isEqualTo(v.strip());
            soft.assertThat(RecordInput.unprintable(v)).as("printable " + key + ": " + where).isNull();
            soft.assertThat(v.codePointCount(0, v.length())).as(key + ": " + where).isLessThanOrEqualTo(4000);
            if (key.equalsIgnoreCase("uscc") || key.endsWith("Uscc")) {
                if (!(placeholder && key.equals("uscc"))) {
                    soft.assertThat(UsccCheck.check(v, key, new Issues())).as("USCC " + key + "=" + v + ": " + where)
                            .isTrue();
                }
            }
        }
        JsonNode subject = tree.path("subject");
        if ("身份证".equals(subject.path("idType").asText()) && subject.hasNonNull("idNo")) {
            soft.assertThat(CitizenIdCheck.check(subject.get("idNo").asText(), "idNo", Fixtures.RECEIVED, new Issues()))
                    .as("ID number: " + where).isTrue();
        }
        if (tree.hasNonNull("decisionDate")) {
            soft.assertThat(tree.get("decisionDate").asText()).as(where)
                    .isLessThanOrEqualTo(Fixtures.RECEIVED.toString());
        }
    }

    private static void collectTexts(JsonNode node, List<Map.Entry<String, JsonNode>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                out.add(e);
            } else if (e.getValue().isObject()) {
                collectTexts(e.getValue(), out);
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(item -> {
                    if (item.isTextual()) {
                        out.add(Map.entry(e.getKey(), item));
                    }
                });
            }
        }
    }

    /** 18-character strings in the input that are valid GB 11643 numbers: none may appear unmasked in a message. */
    static List<String> idNumbersIn(JsonNode input) {
        List<String> out = new ArrayList<>();
        Matcher m = ID_LIKE.matcher(input.toString());
        while (m.find()) {
            String s = m.group().toUpperCase();
            if (FuzzRecords.idCheck(s.substring(0, 17)) == s.charAt(17)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The input for a failure message: clipped, and escaped so control characters cannot garble the report. */
    static String clip(String s) {
        String c = s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
        StringBuilder b = new StringBuilder(c.length());
        for (char ch : c.toCharArray()) {
            boolean plain = ch >= 0x20 && ch < 0x7f || ch >= 0xa0 && !Character.isSurrogate(ch) && ch != 0x202e;
            b.append(plain ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
        }
        return b.toString();
    }
}
