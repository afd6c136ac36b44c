package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.IssuerRules.Issuer;
import org.junit.jupiter.api.Test;

class IssuerRulesTest {

    private static final Set<String> OFFICE = Set.of("xyb");

    private static CreditRecord valid(com.fasterxml.jackson.databind.node.ObjectNode json) {
        ValidationOutcome o = new RecordValidator().validate(json,
                new ValidationContext(LocalDate.of(2026, 11, 30), WorkingDayCalendar.fromClasspath()));
        assertThat(o.errors()).isEmpty();
        return o.record();
    }

    @Test
    void aDepartmentShieldsAndRepairsOnlyItsOwnRecords() {
        CreditRecord shield = valid(Fixtures.shield().put("cause", "REVOKED"));
        CreditRecord repair = valid(Fixtures.repair());

        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "scjgj", shield, "scjgj", OFFICE)).isEmpty();
        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "swj", shield, "scjgj", OFFICE)).get()
                .satisfies(i -> {
                    assertThat(i.code()).isEqualTo("E_NOT_OWNER");
                    assertThat(i.field()).isEqualTo("targetRecordId");
                    assertThat(i.message()).contains("swj", "scjgj");
                });
        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "swj", repair, "scjgj", OFFICE)).get()
                .extracting(ValidationIssue::code).isEqualTo("E_NOT_OWNER");
        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "xyb", shield, "scjgj", OFFICE)).as("the credit office")
                .isEmpty();
        assertThat(IssuerRules.check(Issuer.OPERATOR, "operator:admin", shield, "scjgj", OFFICE)).isEmpty();
        assertThat(IssuerRules.check(Issuer.GATEWAY, "gateway", repair, "scjgj", OFFICE)).isEmpty();
    }

    @Test
    void upstreamRepairIsTheUpstreamsCause() {
        CreditRecord upstreamRepair = valid(Fixtures.shield().put("cause", "UPSTREAM_REPAIR"));

        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "scjgj", upstreamRepair, "scjgj", OFFICE)).get()
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly("E_RESERVED", "cause");
        assertThat(IssuerRules.check(Issuer.OPERATOR, "operator:admin", upstreamRepair, "scjgj", OFFICE))
                .isPresent();
        assertThat(IssuerRules.check(Issuer.UPSTREAM, "province", upstreamRepair, "scjgj", OFFICE)).isEmpty();
        assertThat(IssuerRules.check(Issuer.GATEWAY, "gateway", upstreamRepair, "scjgj", OFFICE))
                .as("cascaded to a linked record").isEmpty();
    }

    @Test
    void otherRecordsWithATargetAreNotTheirConcern() {
        CreditRecord objection = valid(Fixtures.objection());
        assertThat(IssuerRules.check(Issuer.DEPARTMENT, "swj", objection, "scjgj", OFFICE)).isEmpty();
    }
}
