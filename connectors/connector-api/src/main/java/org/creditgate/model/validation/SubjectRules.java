package org.creditgate.model.validation;

import org.creditgate.model.Subject;
import org.creditgate.model.SubjectCategory;

/**
 * The subject block (domain.md §3.1) and its category rules (§4 E_SUBJECT_CONFLICT, §2.4 placeholder USCC). For
 * 双公示 datasets the national codes carry the dataset prefix (CF_XDR_MC, XK_XDR_MC …).
 */
final class SubjectRules {

    private SubjectRules() {
    }

    static Subject read(RecordInput in, String prefix) {
        String p = prefix == null ? null : prefix;
        String nameF = code(p, "XDR_MC");
        String usccF = code(p, "XDR_SHXYM");
        String legalRepF = code(p, "FRDB");
        String idTypeF = code(p, "XDR_ZJLX");
        String idNoF = code(p, "XDR_ZJHM");
        String legalRepIdTypeF = code(p, "FR_ZJLX");
        String legalRepIdNoF = code(p, "FR_ZJHM");

        String name = in.text("subjectName", nameF, 200, true);
        SubjectCategory category = in.choice("subjectCategory", code(p, "XDR_LB"), true, Vocabulary.SUBJECT_CATEGORY);
        String uscc = in.code("uscc", usccF, 18 * 4, false);
        String bizRegNo = in.code("bizRegNo", code(p, "XDR_GSZC"), 50, false);
        String orgCode = in.code("orgCode", code(p, "XDR_ZZJG"), 9, false);
        String taxRegNo = in.code("taxRegNo", code(p, "XDR_SWDJ"), 20, false);
        String instCertNo = in.code("instCertNo", code(p, "XDR_SYDW"), 12, false);
        String socialOrgRegNo = in.code("socialOrgRegNo", code(p, "XDR_SHZZ"), 50, false);
        String legalRep = in.text("legalRep", legalRepF, 50, false);
        String legalRepIdType = in.choiceOrOther("legalRepIdType", legalRepIdTypeF, 64, false, Vocabulary.ID_TYPES, "证件类型");
        String legalRepIdNo = in.code("legalRepIdNo", legalRepIdNoF, 64, false);
        String idType = in.choiceOrOther("idType", idTypeF, 64, false, Vocabulary.ID_TYPES, "证件类型");
        String idNo = in.code("idNo", idNoF, 64, false);

        if (category == SubjectCategory.NATURAL_PERSON) {
            conflictIfPresent(in, uscc, "uscc", usccF, "a 自然人 has no 统一社会信用代码");
            conflictIfPresent(in, legalRep, "legalRep", legalRepF, "a 自然人 has no 法定代表人");
            requireIfAbsent(in, idType, "idType", idTypeF, "证件类型 is required for a 自然人");
            requireIfAbsent(in, idNo, "idNo", idNoF, "证件号码 is required for a 自然人");
            if (idNo != null && Vocabulary.ID_CARD.equals(idType)) {
                CitizenIdCheck.check(idNo, in.name("idNo", idNoF), in.ctx.receivedOn(), in.issues);
            }
        } else if (category != null) {
            conflictIfPresent(in, idType, "idType", idTypeF, "证件类型 is only for a 自然人");
            conflictIfPresent(in, idNo, "idNo", idNoF, "证件号码 is only for a 自然人; organisations are identified by "
                    + "their 统一社会信用代码");
            requireIfAbsent(in, legalRep, "legalRep", legalRepF, category == SubjectCategory.LEGAL_ENTITY
                    ? "法定代表人 is required for a 法人及非法人组织" : "经营者姓名 is required for a 个体工商户");
            organisationCode(in, category, uscc, bizRegNo, usccF);
        } else if (uscc != null) {
            UsccCheck.check(uscc, in.name("uscc", usccF), in.issues);
        }
        if (orgCode != null && !OrgCodeCheck.isValid(orgCode)) {
            String f = in.name("orgCode", code(p, "XDR_ZZJG"));
            in.issues.error("E_FORMAT", f, f + " \"" + orgCode + "\" fails the 组织机构代码 check (GB 11714)");
        }
        if (legalRepIdNo != null && Vocabulary.ID_CARD.equals(legalRepIdType)) {
            CitizenIdCheck.check(legalRepIdNo, in.name("legalRepIdNo", legalRepIdNoF), in.ctx.receivedOn(), in.issues);
        }
        return new Subject(name, category, uscc, bizRegNo, orgCode, taxRegNo, instCertNo, socialOrgRegNo, legalRep,
                legalRepIdType, legalRepIdNo, idType, idNo);
    }

    private static void organisationCode(RecordInput in, SubjectCategory category, String uscc, String bizRegNo,
            String usccF) {
        String field = in.name("uscc", usccF);
        if (uscc == null) {
            requireIfAbsent(in, null, "uscc", usccF, "统一社会信用代码 is required for a " + category.label());
            return;
        }
        if (uscc.equals(CodeTables.PLACEHOLDER_USCC) && category == SubjectCategory.INDIVIDUAL_BUSINESS
                && bizRegNo != null) {
            in.issues.warning("W_PLACEHOLDER_USCC", field, field + " is the placeholder " + CodeTables.PLACEHOLDER_USCC
                    + "; the 个体工商户 is identified by its 工商注册号 " + bizRegNo);
            return;
        }
        int before = in.issues.errors.size();
        UsccCheck.check(uscc, field, in.issues);
        if (in.issues.errors.size() > before) {
            return;
        }
        boolean individual = uscc.startsWith("92");
        if (category == SubjectCategory.INDIVIDUAL_BUSINESS && !individual) {
            in.issues.error("E_SUBJECT_CONFLICT", field, field + " \"" + uscc + "\" does not start with 92, the code "
                    + "of a 个体工商户");
        } else if (category == SubjectCategory.LEGAL_ENTITY && individual) {
            in.issues.error("E_SUBJECT_CONFLICT", field, field + " \"" + uscc + "\" starts with 92 (个体工商户) but the "
                    + "category is 法人及非法人组织");
        }
    }

    private static void conflictIfPresent(RecordInput in, String value, String id, String code, String why) {
        if (value != null) {
            String f = in.name(id, code);
            in.issues.error("E_SUBJECT_CONFLICT", f, f + " is given but " + why);
        }
    }

    private static void requireIfAbsent(RecordInput in, String value, String id, String code, String why) {
        String f = in.name(id, code);
        if (value == null && !in.issues.failed(f)) {
            in.issues.error("E_REQUIRED", f, f + " is missing: " + why);
        }
    }

    private static String code(String prefix, String suffix) {
        return prefix == null ? null : prefix + suffix;
    }
}
