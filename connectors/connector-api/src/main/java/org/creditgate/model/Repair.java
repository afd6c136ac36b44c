package org.creditgate.model;

import java.time.LocalDate;

/**
 * 信用修复 application or result (dataset REPAIR), domain.md §3.7.
 *
 * @param repairId           修复申请编号
 * @param targetDataset      dataset of the repaired record
 * @param targetRecordId     gateway id of the repaired record
 * @param repairMode         修复方式: 移出名单 / 终止公示行政处罚 / 修复其他失信信息
 * @param appliedOn          申请日期
 * @param acceptedOn         受理日期
 * @param decidedOn          决定日期
 * @param decision           修复决定 (null while pending)
 * @param decidingUnit       决定单位
 * @param decidingUnitUscc   决定单位统一社会信用代码
 * @param finePaid           罚款已缴纳 (condition)
 * @param commitmentCode     信用修复型承诺编码 (condition)
 * @param correctionEvidence 整改证明 (condition)
 * @param rejectReason       不予修复理由
 */
public record Repair(RecordMeta meta, Subject subject, String repairId, Dataset targetDataset, String targetRecordId,
        Mode repairMode, LocalDate appliedOn, LocalDate acceptedOn, LocalDate decidedOn, Decision decision,
        String decidingUnit, String decidingUnitUscc, Boolean finePaid, String commitmentCode,
        String correctionEvidence, String rejectReason) implements CreditRecord {

    /** 修复方式 (令第58号). */
    public enum Mode {
        /** 移出名单. */
        REMOVE_FROM_LIST,
        /** 终止公示行政处罚. */
        END_PENALTY_PUBLICATION,
        /** 修复其他失信信息. */
        OTHER
    }

    /** 修复决定. */
    public enum Decision {
        APPROVED, REJECTED
    }

    @Override
    public Dataset dataset() {
        return Dataset.REPAIR;
    }

    @Override
    public Repair withMeta(RecordMeta m) {
        return new Repair(m, subject, repairId, targetDataset, targetRecordId, repairMode, appliedOn, acceptedOn,
                decidedOn, decision, decidingUnit, decidingUnitUscc, finePaid, commitmentCode, correctionEvidence,
                rejectReason);
    }

    @Override
    public String businessKey() {
        return repairId;
    }
}
