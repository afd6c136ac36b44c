package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.Penalty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Date items and amounts (domain.md §3.3, §4 E_DATE_*, E_AMOUNT). */
class DateAndAmountRulesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-11-18", "2026/11/18", "20261118"})
    void acceptedDateForms(String d) {
        assertThat(DateRules.parse(d)).isEqualTo(LocalDate.of(2026, 11, 18));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-2-3", "2026/11-18", "2026.11.18", "18-11-2026", "20260230", "2026-13-01",
        "2025-02-29", "2026-11-18T00:00", "2026111", "二〇二六年"})
    void refusedDateForms(String d) {
        assertThat(DateRules.parse(d)).isNull();
        assertThat(validate(Fixtures.penalty().put("CF_JDRQ", d)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_DATE_FORMAT", "CF_JDRQ"));
    }

    @Test
    void leapDayIsARealDate() {
        assertThat(DateRules.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void decisionOnTheReceiveDateIsNotInTheFuture() {
        ObjectNode r = Fixtures.penalty().put("CF_JDRQ", Fixtures.RECEIVED.toString());
        assertThat(validate(r).errors()).isEmpty();
        r.put("CF_JDRQ", Fixtures.RECEIVED.plusDays(1).toString());
        assertThat(validate(r).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_DATE_FUTURE", "CF_JDRQ"));
    }

    @Test
    void effectiveUntilMayEqualTheDecisionDateAndLongTermIs20991231() {
        ObjectNode r = Fixtures.penalty().put("CF_YXQ", "2026-11-18");
        assertThat(validate(r).errors()).isEmpty();
        r.put("CF_YXQ", "2099-12-31");
        assertThat(validate(r).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.2, 0.2", "0.20, 0.2", "2.000000, 2", "20, 20", "999999999999.999999, 999999999999.999999",
        "0.000001, 0.000001"})
    void amountsAreStoredInOneCanonicalForm(String sent, String stored) {
        Penalty p = (Penalty) validate(Fixtures.penalty().put("CF_NR_FK", sent)).record();
        assertThat(p.fineAmount().toPlainString()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000元", "-1", "-0.5", "0.1234567", "1,000", ".5", "5.", "1e3", "1000000000000",
        "0x10", "两千"})
    void malformedAmounts(String sent) {
        assertThat(validate(Fixtures.penalty().put("CF_NR_FK", sent)).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_AMOUNT", "CF_NR_FK"));
    }

    @Test
    void zeroFineIsRefusedOnlyWhenTheKindsIncludeAFine() {
        assertThat(validate(Fixtures.penalty().put("CF_NR_FK", "0")).errors())
                .extracting(ValidationIssue::code).containsExactly("E_AMOUNT");
        ObjectNode warning = Fixtures.penalty().put("CF_CFLB", "警告").put("CF_NR_FK", "0");
        assertThat(validate(warning).errors()).isEmpty();
    }

    @Test
    void jsonNumbersKeepEveryDecimalWhenParsedWithTheCanonicalMapper() throws Exception {
        ObjectNode r = (ObjectNode) CanonicalJson.mapper().readTree(
                Fixtures.penalty().put("CF_NR_FK", "x").toString().replace("\"x\"", "123456789012.123456"));
        Penalty p = (Penalty) validate(r).record();
        assertThat(p.fineAmount()).isEqualByComparingTo(new BigDecimal("123456789012.123456"));
    }

    @Test
    void jsonNumbersWithTooManyDecimalsAreRefusedNotRounded() {
        ObjectNode r = Fixtures.penalty().put("CF_NR_FK", new BigDecimal("0.1234567"));
        assertThat(validate(r).errors()).extracting(ValidationIssue::code).containsExactly("E_AMOUNT");
    }
}
