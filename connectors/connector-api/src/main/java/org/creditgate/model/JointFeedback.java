package org.creditgate.model;

import java.time.LocalDate;

/**
 * 联合奖惩反馈 (dataset JOINT_FEEDBACK): what an initiating or implementing department did with a listed subject in a
 * month, domain.md §3.7.
 *
 * @param period            反馈期 (YYYY-MM)
 * @param reportingUnit     反馈单位
 * @param reportingUnitUscc 反馈单位统一社会信用代码
 * @param role              发起部门 / 实施部门
 * @param listKind          名单类别
 * @param listRecordId      gateway id of the list entry
 * @param measureCode       措施代码
 * @param appliedOn         实施日期
 * @param businessItem      业务事项 (审批/招投标/财政资金…)
 * @param outcome           实施结果
 */
public record JointFeedback(RecordMeta meta, Subject subject, String period, String reportingUnit,
        String reportingUnitUscc, Role role, ListEntry.Kind listKind, String listRecordId, String measureCode,
        LocalDate appliedOn, String businessItem, String outcome) implements CreditRecord {

    /** 角色. */
    public enum Role {
        /** 发起部门. */
        INITIATOR,
        /** 实施部门. */
        IMPLEMENTER
    }

    @Override
    public Dataset dataset() {
        return Dataset.JOINT_FEEDBACK;
    }

    @Override
    public JointFeedback withMeta(RecordMeta m) {
        return new JointFeedback(m, subject, period, reportingUnit, reportingUnitUscc, role, listKind, listRecordId,
                measureCode, appliedOn, businessItem, outcome);
    }

    @Override
    public String businessKey() {
        return CreditRecord.key(period, reportingUnitUscc, listRecordId, measureCode, subject.key(), appliedOn);
    }
}
