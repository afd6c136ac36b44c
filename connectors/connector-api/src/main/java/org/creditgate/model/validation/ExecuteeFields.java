package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.INTEGER;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 失信被执行人 items (法释〔2017〕7号 art. 6, domain.md §3.5) besides the subject block. Canonical names only. */
final class ExecuteeFields {

    static final FieldSpec GENDER = optional("gender", ENUM, 0);                  // 性别 (cond: 自然人)
    static final FieldSpec AGE = optional("age", INTEGER, 3);                     // 年龄
    static final FieldSpec DUTY = required("duty", TEXT, 4000);                   // 生效法律文书确定的义务
    static final FieldSpec PERFORMANCE = required("performance", ENUM, 0);        // 被执行人的履行情况
    static final FieldSpec BEHAVIOUR = required("behaviour", TEXT, 2000);         // 失信被执行人具体情形
    static final FieldSpec BASIS_DOC_NO = required("basisDocNo", TEXT, 128);      // 执行依据文号
    static final FieldSpec BASIS_ISSUER = required("basisIssuer", TEXT, 200);     // 做出执行依据单位
    static final FieldSpec CASE_NO = required("caseNo", TEXT, 128);               // 执行案号
    static final FieldSpec FILED_ON = required("filedOn", DATE, 0);               // 立案时间
    static final FieldSpec COURT = required("court", TEXT, 200);                  // 执行法院
    static final FieldSpec PUBLISHED_ON = required("publishedOn", DATE, 0);       // 发布时间

    static final List<FieldSpec> ALL = List.of(GENDER, AGE, DUTY, PERFORMANCE, BEHAVIOUR, BASIS_DOC_NO, BASIS_ISSUER,
            CASE_NO, FILED_ON, COURT, PUBLISHED_ON);

    private ExecuteeFields() {
    }
}
