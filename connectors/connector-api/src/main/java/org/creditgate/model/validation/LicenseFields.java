package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.DATE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM_OR_OTHER;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 行政许可 data items (domain.md §3.2), national prefix XK_. */
final class LicenseFields {

    static final String PREFIX = "XK_";

    static final FieldSpec DOC_NAME = required("decisionDocName", "XK_XKWS", TEXT, 256);  // 行政许可决定文书名称
    static final FieldSpec DOC_NO = required("decisionDocNo", "XK_WSH", TEXT, 128);       // 行政许可决定文书号
    static final FieldSpec CATEGORY = required("licenseCategory", "XK_XKLB", ENUM_OR_OTHER, 64); // 许可类别
    static final FieldSpec CERT_NAME = optional("certName", "XK_XKZS", TEXT, 256);        // 许可证书名称
    static final FieldSpec CERT_NO = optional("certNo", "XK_XKBH", TEXT, 128);            // 许可编号 (cond)
    static final FieldSpec CONTENT = required("content", "XK_NR", TEXT, 4000);            // 许可内容
    static final FieldSpec DECISION_DATE = required("decisionDate", "XK_JDRQ", DATE, 0);  // 许可决定日期
    static final FieldSpec VALID_FROM = required("validFrom", "XK_YXQZ", DATE, 0);        // 有效期自
    static final FieldSpec VALID_TO = required("validTo", "XK_YXQZI", DATE, 0);           // 有效期至
    static final FieldSpec AUTHORITY = required("authorityName", "XK_XKJG", TEXT, 200);   // 许可机关
    static final FieldSpec AUTHORITY_USCC = required("authorityUscc", "XK_XKJGDM", USCC, 18); // 许可机关代码
    static final FieldSpec STATUS = required("status", "XK_ZT", ENUM, 0);                 // 当前状态
    static final FieldSpec SOURCE = required("sourceUnit", "XK_LYDW", TEXT, 200);         // 数据来源单位
    static final FieldSpec SOURCE_USCC = required("sourceUnitUscc", "XK_LYDWDM", USCC, 18); // 数据来源单位代码
    static final FieldSpec REMARK = optional("remark", "BZ", TEXT, 512);                  // 备注

    static final List<FieldSpec> ALL = List.of(DOC_NAME, DOC_NO, CATEGORY, CERT_NAME, CERT_NO, CONTENT,
            DECISION_DATE, VALID_FROM, VALID_TO, AUTHORITY, AUTHORITY_USCC, STATUS, SOURCE, SOURCE_USCC, REMARK);

    private LicenseFields() {
    }
}
