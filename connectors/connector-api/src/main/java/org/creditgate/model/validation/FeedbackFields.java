package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.CODE;
import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 联合奖惩反馈 items (domain.md §3.7) besides the subject block. Canonical names only. */
final class FeedbackFields {

    static final FieldSpec PERIOD = required("period", CODE, 0);                     // 反馈期 YYYY-MM (format)
    static final FieldSpec UNIT = required("reportingUnit", TEXT, 200);              // 反馈单位
    static final FieldSpec UNIT_USCC = required("reportingUnitUscc", USCC, 18);      // 反馈单位代码
    static final FieldSpec ROLE = required("role", ENUM, 0);                         // 发起部门 / 实施部门
    static final FieldSpec LIST_KIND = required("listKind", ENUM, 0);                // 名单类别
    static final FieldSpec LIST_RECORD_ID = required("listRecordId", TEXT, 64);      // gateway id of the list entry
    static final FieldSpec MEASURE = required("measureCode", CODE, 64);              // 措施代码
    static final FieldSpec APPLIED_ON = required("appliedOn", DATE, 0);              // 实施日期
    static final FieldSpec BUSINESS_ITEM = required("businessItem", TEXT, 200);      // 业务事项
    static final FieldSpec OUTCOME = required("outcome", TEXT, 2000);                // 实施结果

    static final List<FieldSpec> ALL = List.of(PERIOD, UNIT, UNIT_USCC, ROLE, LIST_KIND, LIST_RECORD_ID, MEASURE,
            APPLIED_ON, BUSINESS_ITEM, OUTCOME);

    private FeedbackFields() {
    }
}
