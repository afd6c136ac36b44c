package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditgate.model.validation.Fixtures.validate;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.Commitment;
import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.JointFeedback;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Objection;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;
import org.junit.jupiter.api.Test;

/** 名单, 失信被执行人, 信用承诺 and the §3.7 messages: one valid record each and their specific rules. */
class OtherDatasetsRulesTest {

    @Test
    void listEntry() {
        ListEntry l = (ListEntry) validate(Fixtures.listEntry()).record();
        assertThat(l.listKind()).isEqualTo(ListEntry.Kind.BLACK);
        assertThat(l.listedOn()).isEqualTo(LocalDate.of(2026, 11, 1));

        ObjectNode noReason = Fixtures.listEntry();
        noReason.remove("reason");
        assertThat(validate(noReason).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_REQUIRED", "reason"));
        noReason.put("listKind", "RED");
        assertThat(validate(noReason).errors()).isEmpty();

        ObjectNode removal = Fixtures.listEntry().put("op", "DELETE");
        assertThat(validate(removal).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_COND_REQUIRED", "removedOn"),
                        tuple("E_COND_REQUIRED", "removalReason"));
        removal.put("removedOn", "2026-10-01").put("removalReason", "信用修复");
        assertThat(validate(removal).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_DATE_ORDER", "removedOn"));
    }

    @Test
    void dishonestExecutee() {
        DishonestExecutee d = (DishonestExecutee) validate(Fixtures.executee()).record();
        assertThat(d.age()).isEqualTo(76);
        assertThat(d.performance()).isEqualTo(DishonestExecutee.Performance.NONE);

        ObjectNode bad = Fixtures.executee().put("performance", "已履行").put("age", "abc");
        bad.remove("caseNo");
        assertThat(validate(bad).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_ENUM", "performance"), tuple("E_FORMAT", "age"),
                        tuple("E_REQUIRED", "caseNo"));
    }

    @Test
    void commitment() {
        Commitment c = (Commitment) validate(Fixtures.commitment()).record();
        assertThat(c.type()).isEqualTo(Commitment.Type.CREDIT_REPAIR);
        assertThat(c.businessKey()).isEqualTo("35010020261101000001");

        assertThat(validate(Fixtures.commitment().put("code", "3501002026110100000")).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple("E_FORMAT", "code"));
        assertThat(validate(Fixtures.commitment().put("code", "35010020261301000001")).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple("E_FORMAT", "code"));

        ObjectNode breached = Fixtures.commitment().put("fulfilment", "部分履行");
        assertThat(validate(breached).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_COND_REQUIRED", "unfulfilled"),
                        tuple("E_COND_REQUIRED", "liabilityPursued"));
    }

    @Test
    void repair() {
        Repair r = (Repair) validate(Fixtures.repair()).record();
        assertThat(r.decision()).isEqualTo(Repair.Decision.APPROVED);
        assertThat(r.finePaid()).isTrue();

        ObjectNode rejected = Fixtures.repair().put("decision", "不予修复");
        assertThat(validate(rejected).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_COND_REQUIRED", "rejectReason"));
        ObjectNode undated = Fixtures.repair();
        undated.remove(List.of("decidedOn", "decidingUnitUscc"));
        assertThat(validate(undated).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_COND_REQUIRED", "decidedOn"),
                        tuple("E_COND_REQUIRED", "decidingUnitUscc"));
        ObjectNode early = Fixtures.repair().put("decidedOn", "2026-11-01");
        assertThat(validate(early).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_DATE_ORDER", "decidedOn"));
    }

    @Test
    void objectionDueDateIsTwentyWorkingDaysAfterForwarding() {
        Objection o = (Objection) validate(Fixtures.objection()).record();
        assertThat(o.dueOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(o.subject()).isNull();

        ObjectNode corrected = Fixtures.objection().put("result", "更正").put("resultOn", "2026-11-15");
        assertThat(validate(corrected).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(tuple("E_COND_REQUIRED", "correctedRecordVersion"));
    }

    @Test
    void shield() {
        Shield s = (Shield) validate(Fixtures.shield()).record();
        assertThat(s.cause()).isEqualTo(Shield.Cause.REPAIR);
        assertThat(s.targets()).containsExactly("province", "creditchina");
        assertThat(s.subjectKey()).isEqualTo("R:5b7c8e1a-0000-5000-8000-000000000001");

        ObjectNode dateOnly = Fixtures.shield().put("effectiveAt", "2026-11-10");
        assertThat(((Shield) validate(dateOnly).record()).effectiveAt().toString()).isEqualTo("2026-11-10T00:00+08:00");

        ObjectNode bad = Fixtures.shield().put("cause", "TIRED").put("effectiveAt", "yesterday 9am");
        assertThat(validate(bad).errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactlyInAnyOrder(tuple("E_ENUM", "cause"), tuple("E_DATE_FORMAT", "effectiveAt"));
    }

    @Test
    void jointFeedback() {
        JointFeedback f = (JointFeedback) validate(Fixtures.feedback()).record();
        assertThat(f.role()).isEqualTo(JointFeedback.Role.IMPLEMENTER);
        assertThat(validate(Fixtures.feedback().put("period", "2026-13")).errors())
                .extracting(ValidationIssue::code, ValidationIssue::field).containsExactly(tuple("E_FORMAT", "period"));
    }
}
