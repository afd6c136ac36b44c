package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.AMOUNT;
import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM_LIST;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 行政处罚 data items (domain.md §3.3), national prefix CF_, plus the gateway-only fields. */
final class PenaltyFields {

    static final String PREFIX = "CF_";

    static final FieldSpec DOC_NO = required("decisionDocNo", "CF_WSH", TEXT, 128);          // 行政处罚决定书文号
    static final FieldSpec VIOLATION = required("violationType", "CF_WFXW", TEXT, 2000);     // 违法行为类型
    static final FieldSpec FACTS = required("facts", "CF_SY", TEXT, 4000);                   // 违法事实
    static final FieldSpec LEGAL_BASIS = required("legalBasis", "CF_YJ", TEXT, 2000);        // 处罚依据
    static final FieldSpec KINDS = required("penaltyKinds", "CF_CFLB", ENUM_LIST, 500);      // 处罚类别
    static final FieldSpec CONTENT = required("content", "CF_NR", TEXT, 4000);               // 处罚内容
    static final FieldSpec FINE = optional("fineAmount", "CF_NR_FK", AMOUNT, 0);             // 罚款金额 (cond)
    static final FieldSpec CONFISCATED = optional("confiscatedAmount", "CF_NR_WFFF", AMOUNT, 0); // 没收金额 (cond)
    static final FieldSpec SUSPENDED = optional("suspendedLicense", "CF_NR_ZKDX", TEXT, 200); // 暂扣或吊销证照 (cond)
    static final FieldSpec DECISION_DATE = required("decisionDate", "CF_JDRQ", DATE, 0);     // 处罚决定日期
    static final FieldSpec EFFECTIVE_UNTIL = required("effectiveUntil", "CF_YXQ", DATE, 0);  // 处罚有效期
    static final FieldSpec PUBLISH_UNTIL = optional("publishUntil", "CF_GSJZQ", DATE, 0);    // 公示截止期
    static final FieldSpec AUTHORITY = required("authorityName", "CF_CFJG", TEXT, 200);      // 处罚机关
    static final FieldSpec AUTHORITY_USCC = required("authorityUscc", "CF_CFJGDM", USCC, 18); // 处罚机关代码
    static final FieldSpec SOURCE = required("sourceUnit", "CF_SJLY", TEXT, 200);            // 数据来源单位
    static final FieldSpec SOURCE_USCC = required("sourceUnitUscc", "CF_SJLYDM", USCC, 18);  // 数据来源单位代码
    static final FieldSpec REMARK = optional("remark", "BZ", TEXT, 512);                     // 备注

    // gateway-only [P]: no national code
    static final FieldSpec PROCEDURE = optional("procedure", ENUM, 0);                       // 简易 / 普通
    static final FieldSpec SEVERITY = optional("severity", ENUM, 0);                         // 一般 / 严重 失信
    static final FieldSpec PUBLISH = optional("publish", ENUM, 0);                           // Y / N
    static final FieldSpec PUBLISH_REASON = optional("publishReason", TEXT, 512);            // required when N

    static final List<FieldSpec> ALL = List.of(DOC_NO, VIOLATION, FACTS, LEGAL_BASIS, KINDS, CONTENT, FINE,
            CONFISCATED, SUSPENDED, DECISION_DATE, EFFECTIVE_UNTIL, PUBLISH_UNTIL, AUTHORITY, AUTHORITY_USCC, SOURCE,
            SOURCE_USCC, REMARK, PROCEDURE, SEVERITY, PUBLISH, PUBLISH_REASON);

    private PenaltyFields() {
    }
}
