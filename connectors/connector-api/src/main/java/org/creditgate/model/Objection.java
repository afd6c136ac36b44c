package org.creditgate.model;

import java.time.LocalDate;

/**
 * 异议 (dataset OBJECTION) and its verification result, domain.md §3.7.
 *
 * @param objectionId            异议编号
 * @param targetDataset          dataset of the contested record
 * @param targetRecordId         gateway id of the contested record
 * @param applicant              异议申请人 (the subject block describes who is concerned)
 * @param claim                  异议内容
 * @param submittedOn            提交日期
 * @param forwardedOn            转交信息提供单位日期
 * @param providerUnit           信息提供单位
 * @param providerUnitUscc       信息提供单位统一社会信用代码
 * @param dueOn                  核实期限 (forwardedOn + 20 working days)
 * @param result                 核实结果 (null while pending)
 * @param resultOn               结果日期
 * @param correctedRecordVersion version of the target created by a CORRECTED result
 */
public record Objection(RecordMeta meta, Subject subject, String objectionId, Dataset targetDataset,
        String targetRecordId, String applicant, String claim, LocalDate submittedOn, LocalDate forwardedOn,
        String providerUnit, String providerUnitUscc, LocalDate dueOn, Result result, LocalDate resultOn,
        Integer correctedRecordVersion) implements CreditRecord {

    /** 核实结果. */
    public enum Result {
        /** 维持. */
        CONFIRMED,
        /** 更正. */
        CORRECTED,
        /** 撤销. */
        REVOKED
    }

    @Override
    public Dataset dataset() {
        return Dataset.OBJECTION;
    }

    @Override
    public Objection withMeta(RecordMeta m) {
        return new Objection(m, subject, objectionId, targetDataset, targetRecordId, applicant, claim, submittedOn,
                forwardedOn, providerUnit, providerUnitUscc, dueOn, result, resultOn, correctedRecordVersion);
    }

    @Override
    public String businessKey() {
        return objectionId;
    }

    @Override
    public String subjectKey() {
        // ordered with the contested record's gateway-issued shields (same group), so that an objection's result
        // and the OBJECTION_REVOKED shield it sets off reach an upstream in that order
        return "R:" + targetRecordId;
    }
}
