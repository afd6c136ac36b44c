package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.CODE;
import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 信用修复 application/result items (domain.md §3.7) besides the subject block. Canonical names only. */
final class RepairFields {

    static final FieldSpec REPAIR_ID = required("repairId", TEXT, 64);               // 修复申请编号
    static final FieldSpec TARGET_DATASET = required("targetDataset", ENUM, 0);
    static final FieldSpec TARGET_RECORD_ID = required("targetRecordId", TEXT, 64);
    static final FieldSpec MODE = required("repairMode", ENUM, 0);                   // 修复方式
    static final FieldSpec APPLIED_ON = required("appliedOn", DATE, 0);              // 申请日期
    static final FieldSpec ACCEPTED_ON = optional("acceptedOn", DATE, 0);            // 受理日期
    static final FieldSpec DECIDED_ON = optional("decidedOn", DATE, 0);              // 决定日期 (cond: decision)
    static final FieldSpec DECISION = optional("decision", ENUM, 0);                 // 修复决定
    static final FieldSpec UNIT = optional("decidingUnit", TEXT, 200);               // 决定单位 (cond: decision)
    static final FieldSpec UNIT_USCC = optional("decidingUnitUscc", USCC, 18);       // 决定单位代码 (cond: decision)
    static final FieldSpec FINE_PAID = optional("finePaid", ENUM, 0);                // 罚款已缴纳 Y/N
    static final FieldSpec COMMITMENT_CODE = optional("commitmentCode", CODE, 0);    // 信用修复型承诺编码 (format)
    static final FieldSpec EVIDENCE = optional("correctionEvidence", TEXT, 2000);    // 整改证明
    static final FieldSpec REJECT_REASON = optional("rejectReason", TEXT, 2000);     // 不予修复理由 (cond)

    static final List<FieldSpec> ALL = List.of(REPAIR_ID, TARGET_DATASET, TARGET_RECORD_ID, MODE, APPLIED_ON,
            ACCEPTED_ON, DECIDED_ON, DECISION, UNIT, UNIT_USCC, FINE_PAID, COMMITMENT_CODE, EVIDENCE, REJECT_REASON);

    private RepairFields() {
    }
}
