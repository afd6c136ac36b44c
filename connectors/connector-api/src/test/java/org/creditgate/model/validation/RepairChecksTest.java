package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.Penalty;
import org.creditgate.model.Repair;
import org.creditgate.model.samples.SampleRecords;
import org.junit.jupiter.api.Test;

class RepairChecksTest {

    /** 一般失信 under 令第58号, decided on a month's 31st: the minimum period ends 2024-04-30. */
    private static final Penalty GENERAL = penalty(SampleRecords.decidedOn(Fixtures.penalty(),
            LocalDate.of(2024, 1, 31)));

    static Penalty penalty(ObjectNode json) {
        ValidationOutcome o = Fixtures.validate(json);
        assertThat(o.errors()).isEmpty();
        return (Penalty) o.record();
    }

    static Repair repair(String appliedOn) {
        ObjectNode json = Fixtures.repair().put("appliedOn", appliedOn);
        json.remove("decision");
        json.remove("decidedOn");
        json.remove("decidingUnit");
        json.remove("decidingUnitUscc");
        ValidationOutcome o = Fixtures.validate(json);
        assertThat(o.errors()).isEmpty();
        return (Repair) o.record();
    }

    private static List<String> codes(List<ValidationIssue> issues) {
        return issues.stream().map(i -> i.code() + "(" + i.field() + ")").toList();
    }

    @Test
    void oneDayTooEarlyNamesTheEarliestDate() {
        List<ValidationIssue> issues = RepairChecks.check(repair("2024-04-30"), GENERAL, RepairPolicy.DEFAULT);
        assertThat(codes(issues)).containsExactly("E_REPAIR_TOO_EARLY(appliedOn)");
        assertThat(issues.get(0).message()).contains("runs until 2024-04-30")
                .contains("the earliest application date is 2024-05-01").contains("国家发展改革委令第58号");
    }

    @Test
    void theFirstAllowedDayPasses() {
        assertThat(RepairChecks.check(repair("2024-05-01"), GENERAL, RepairPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void seriousUnderOrder58WaitsAYear() {
        Penalty serious = penalty(SampleRecords.decidedOn(Fixtures.penalty(), LocalDate.of(2024, 2, 29))
                .put("severity", "严重"));
        assertThat(codes(RepairChecks.check(repair("2025-02-28"), serious, RepairPolicy.DEFAULT)))
                .containsExactly("E_REPAIR_TOO_EARLY(appliedOn)");
        assertThat(RepairChecks.check(repair("2025-03-01"), serious, RepairPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void specificSeriousPenaltiesAreNotRepairableEarly() {
        Penalty food = penalty(SampleRecords.decidedOn(Fixtures.penalty(), LocalDate.of(2023, 6, 1))
                .put("severity", "严重").put("CF_WFXW", "违反《中华人民共和国食品安全法》第三十四条"));
        List<ValidationIssue> issues = RepairChecks.check(repair("2025-06-02"), food, RepairPolicy.DEFAULT);
        assertThat(codes(issues)).containsExactly("E_REPAIR_NOT_ALLOWED(targetRecordId)");
        assertThat(issues.get(0).message()).contains("食品").contains("2026-06-01");
        // the list is configuration: without the word the same penalty follows the ordinary minimum
        assertThat(RepairChecks.check(repair("2025-06-02"), food, new RepairPolicy(List.of("药品"), true))).isEmpty();
        // 一般失信 in the same field is not 特定严重失信
        Penalty general = penalty(SampleRecords.decidedOn(Fixtures.penalty(), LocalDate.of(2023, 6, 1))
                .put("CF_WFXW", "违反《中华人民共和国食品安全法》第三十四条"));
        assertThat(RepairChecks.check(repair("2025-06-02"), general, RepairPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void anUnpaidFineAndAMissingCommitmentAreConditionErrors() {
        ObjectNode json = Fixtures.repair().put("appliedOn", "2024-05-06").put("finePaid", "N");
        json.remove("commitmentCode");
        Repair r = (Repair) Fixtures.validate(json.put("decidedOn", "2024-05-10")).record();
        assertThat(codes(RepairChecks.check(r, GENERAL, RepairPolicy.DEFAULT)))
                .containsExactly("E_REPAIR_CONDITIONS(finePaid)", "E_REPAIR_CONDITIONS(commitmentCode)");
        assertThat(codes(RepairChecks.check(r, GENERAL, new RepairPolicy(List.of(), false))))
                .containsExactly("E_REPAIR_CONDITIONS(finePaid)");
        Penalty warningOnly = penalty(SampleRecords.decidedOn(Fixtures.penalty(), LocalDate.of(2024, 1, 31))
                .put("CF_CFLB", "警告").put("CF_NR_FK", "0"));
        assertThat(codes(RepairChecks.check(r, warningOnly, new RepairPolicy(List.of(), false)))).isEmpty();
    }

    @Test
    void aRejectedResultIsKeptAsSent() {
        ObjectNode json = Fixtures.repair().put("appliedOn", "2024-02-01").put("decidedOn", "2024-02-10")
                .put("decision", "不予修复").put("rejectReason", "未满最短公示期");
        Repair rejected = (Repair) Fixtures.validate(json).record();
        assertThat(rejected.decision()).isEqualTo(Repair.Decision.REJECTED);
        assertThat(RepairChecks.check(rejected, GENERAL, RepairPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void onlyPenaltiesAreChecked() {
        ValidationOutcome list = Fixtures.validate(Fixtures.listEntry());
        assertThat(RepairChecks.check(repair("2026-11-02"), list.record(), RepairPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void policyWordsParseFromConfiguration() {
        assertThat(RepairPolicy.words(" 食品, 药品，安全生产、 ,")).containsExactly("食品", "药品", "安全生产");
        assertThat(RepairPolicy.words("")).isEmpty();
    }
}
