package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.LIST;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 名单 entry items (domain.md §3.4) besides the subject block. Canonical names only. */
final class ListFields {

    static final FieldSpec KIND = required("listKind", ENUM, 0);                  // 名单类别
    static final FieldSpec NAME = required("listName", TEXT, 200);                // 名单名称
    static final FieldSpec REASON = optional("reason", TEXT, 2000);               // 列入原因 (cond: BLACK/WATCH)
    static final FieldSpec BASIS = required("basis", TEXT, 2000);                 // 认定依据 (文件/条款)
    static final FieldSpec BASIS_DOC_NO = required("basisDocNo", TEXT, 128);      // 认定依据文号
    static final FieldSpec UNIT = required("decidingUnit", TEXT, 200);            // 认定部门
    static final FieldSpec UNIT_USCC = required("decidingUnitUscc", USCC, 18);    // 认定部门代码
    static final FieldSpec LISTED_ON = required("listedOn", DATE, 0);             // 列入日期
    static final FieldSpec LISTED_UNTIL = optional("listedUntil", DATE, 0);       // 有效期至
    static final FieldSpec REMOVED_ON = optional("removedOn", DATE, 0);           // 移出日期 (cond: DELETE)
    static final FieldSpec REMOVAL_REASON = optional("removalReason", TEXT, 2000); // 移出原因 (cond: DELETE)
    static final FieldSpec MEASURES = optional("measureCodes", LIST, 64);         // 措施代码 (max per item)

    static final List<FieldSpec> ALL = List.of(KIND, NAME, REASON, BASIS, BASIS_DOC_NO, UNIT, UNIT_USCC, LISTED_ON,
            LISTED_UNTIL, REMOVED_ON, REMOVAL_REASON, MEASURES);

    private ListFields() {
    }
}
