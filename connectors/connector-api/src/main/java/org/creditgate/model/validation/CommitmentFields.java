package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.CODE;
import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/**
 * 信用承诺 items (domain.md §3.6) besides the subject block (承诺人名称/类别/代码 are the subject's name, category and
 * USCC or ID number). Canonical names only.
 */
final class CommitmentFields {

    static final FieldSpec COMMITMENT_CODE = required("code", CODE, 0);               // 承诺编码 (format)
    static final FieldSpec TYPE = required("type", ENUM, 0);                         // 承诺类型
    static final FieldSpec CAUSE = required("cause", TEXT, 512);                     // 承诺事由
    static final FieldSpec CONTENT = required("content", TEXT, 4000);                // 承诺内容
    static final FieldSpec LIABILITY = required("liability", TEXT, 2000);            // 违诺责任
    static final FieldSpec MADE_ON = required("madeOn", DATE, 0);                    // 承诺作出日期
    static final FieldSpec VALID_UNTIL = optional("validUntil", DATE, 0);            // 承诺有效期
    static final FieldSpec FULFILMENT = required("fulfilment", ENUM, 0);             // 承诺履行状态
    static final FieldSpec UNFULFILLED = optional("unfulfilled", TEXT, 4000);        // 未履行的承诺内容 (cond)
    static final FieldSpec PURSUED = optional("liabilityPursued", TEXT, 4000);       // 违诺责任追究内容 (cond)
    static final FieldSpec DETERMINED_ON = optional("determinedOn", DATE, 0);        // 认定日期
    static final FieldSpec DETERMINING_UNIT = optional("determiningUnit", TEXT, 200); // 认定单位
    static final FieldSpec DETERMINING_UNIT_USCC = optional("determiningUnitUscc", USCC, 18); // 认定单位代码
    static final FieldSpec ACCEPTING_UNIT = required("acceptingUnit", TEXT, 200);    // 承诺受理单位
    static final FieldSpec ACCEPTING_UNIT_USCC = required("acceptingUnitUscc", USCC, 18); // 承诺受理单位代码
    static final FieldSpec DISCLOSURE = required("disclosure", ENUM, 0);             // 公开类型
    static final FieldSpec REMARK = optional("remark", TEXT, 512);                   // 备注

    static final List<FieldSpec> ALL = List.of(COMMITMENT_CODE, TYPE, CAUSE, CONTENT, LIABILITY, MADE_ON,
            VALID_UNTIL, FULFILMENT, UNFULFILLED, PURSUED, DETERMINED_ON, DETERMINING_UNIT, DETERMINING_UNIT_USCC,
            ACCEPTING_UNIT, ACCEPTING_UNIT_USCC, DISCLOSURE, REMARK);

    private CommitmentFields() {
    }
}
