package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.CODE;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM_OR_OTHER;
import static org.creditgate.model.validation.FieldSpec.Kind.PERSONAL_ID;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.Kind.USCC;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/**
 * The common subject block (domain.md §3.1). In 双公示 datasets its national codes carry the dataset prefix
 * (CF_XDR_MC, XK_XDR_MC …); the other datasets only know the canonical names. Items whose required-ness depends on
 * the subject category are optional here and required by {@link SubjectRules}.
 */
final class SubjectFields {

    static final SubjectFields CANONICAL = new SubjectFields(null);
    static final SubjectFields LICENSE = new SubjectFields(LicenseFields.PREFIX);
    static final SubjectFields PENALTY = new SubjectFields(PenaltyFields.PREFIX);

    final FieldSpec name;
    final FieldSpec category;
    final FieldSpec uscc;
    final FieldSpec bizRegNo;
    final FieldSpec orgCode;
    final FieldSpec taxRegNo;
    final FieldSpec instCertNo;
    final FieldSpec socialOrgRegNo;
    final FieldSpec legalRep;
    final FieldSpec legalRepIdType;
    final FieldSpec legalRepIdNo;
    final FieldSpec idType;
    final FieldSpec idNo;

    private SubjectFields(String p) {
        name = required("subjectName", code(p, "XDR_MC"), TEXT, 200);           // 行政相对人名称
        category = required("subjectCategory", code(p, "XDR_LB"), ENUM, 0);     // 行政相对人类别
        uscc = optional("uscc", code(p, "XDR_SHXYM"), USCC, 18);                // 统一社会信用代码
        bizRegNo = optional("bizRegNo", code(p, "XDR_GSZC"), CODE, 50);         // 工商注册号
        orgCode = optional("orgCode", code(p, "XDR_ZZJG"), CODE, 9);            // 组织机构代码
        taxRegNo = optional("taxRegNo", code(p, "XDR_SWDJ"), CODE, 20);         // 税务登记号
        instCertNo = optional("instCertNo", code(p, "XDR_SYDW"), CODE, 12);     // 事业单位证书号
        socialOrgRegNo = optional("socialOrgRegNo", code(p, "XDR_SHZZ"), CODE, 50); // 社会组织登记证号
        legalRep = optional("legalRep", code(p, "FRDB"), TEXT, 50);             // 法定代表人 / 经营者姓名
        legalRepIdType = optional("legalRepIdType", code(p, "FR_ZJLX"), ENUM_OR_OTHER, 64); // 法定代表人证件类型
        legalRepIdNo = optional("legalRepIdNo", code(p, "FR_ZJHM"), PERSONAL_ID, 64);      // 法定代表人证件号码
        idType = optional("idType", code(p, "XDR_ZJLX"), ENUM_OR_OTHER, 64);   // 证件类型
        idNo = optional("idNo", code(p, "XDR_ZJHM"), PERSONAL_ID, 64);          // 证件号码
    }

    static SubjectFields forPrefix(String prefix) {
        if (prefix == null) {
            return CANONICAL;
        }
        return prefix.equals(LicenseFields.PREFIX) ? LICENSE : PENALTY;
    }

    List<FieldSpec> all() {
        return List.of(name, category, uscc, bizRegNo, orgCode, taxRegNo, instCertNo, socialOrgRegNo, legalRep,
                legalRepIdType, legalRepIdNo, idType, idNo);
    }

    private static String code(String prefix, String suffix) {
        return prefix == null ? null : prefix + suffix;
    }
}
