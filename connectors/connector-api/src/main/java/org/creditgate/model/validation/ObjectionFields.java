package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.INTEGER;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/**
 * 异议 items (domain.md §3.7). The subject block is optional here: the applicant may not be the subject. dueOn is
 * computed by the gateway, never read. Canonical names only.
 */
final class ObjectionFields {

    static final FieldSpec OBJECTION_ID = required("objectionId", TEXT, 64);         // 异议编号
    static final FieldSpec TARGET_DATASET = required("targetDataset", ENUM, 0);
    static final FieldSpec TARGET_RECORD_ID = required("targetRecordId", TEXT, 64);
    static final FieldSpec APPLICANT = required("applicant", TEXT, 200);             // 异议申请人
    static final FieldSpec CLAIM = required("claim", TEXT, 4000);                    // 异议内容
    static final FieldSpec SUBMITTED_ON = required("submittedOn", DATE, 0);          // 提交日期
    static final FieldSpec FORWARDED_ON = optional("forwardedOn", DATE, 0);          // 转交信息提供单位日期
    static final FieldSpec PROVIDER = required("providerUnit", TEXT, 200);           // 信息提供单位
    static final FieldSpec PROVIDER_USCC = required("providerUnitUscc", USCC, 18);   // 信息提供单位代码
    static final FieldSpec RESULT = optional("result", ENUM, 0);                     // 核实结果
    static final FieldSpec RESULT_ON = optional("resultOn", DATE, 0);                // 结果日期 (cond: result)
    static final FieldSpec CORRECTED_VERSION = optional("correctedRecordVersion", INTEGER, 9); // (cond: CORRECTED)

    static final List<FieldSpec> ALL = List.of(OBJECTION_ID, TARGET_DATASET, TARGET_RECORD_ID, APPLICANT, CLAIM,
            SUBMITTED_ON, FORWARDED_ON, PROVIDER, PROVIDER_USCC, RESULT, RESULT_ON, CORRECTED_VERSION);

    private ObjectionFields() {
    }
}
