package org.creditgate.model.validation;

import org.creditgate.model.Subject;
import org.creditgate.model.SubjectCategory;

/**
 * The subject block (domain.md §3.1): which items each 行政相对人类别 requires or forbids (E_REQUIRED,
 * E_SUBJECT_CONFLICT of §4), the identity-code checks of §2, and the placeholder USCC of §2.4.
 */
final class SubjectRules {

    private SubjectRules() {
    }

    static Subject read(RecordInput in, SubjectFields f) {
        return read(in, f, false);
    }

    /**
     * @param orgCodeSuffices organisations may be identified by 组织机构代码 instead of a USCC (失信被执行人, whose
     *                        court lists predate the USCC: 法释〔2017〕7号 art. 6 says "统一社会信用代码或组织机构代码")
     */
    static Subject read(RecordInput in, SubjectFields f, boolean orgCodeSuffices) {
        String name = in.text(f.name);
        SubjectCategory category = in.choice(f.category, Vocabulary.SUBJECT_CATEGORY);
        String uscc = in.value(f.uscc);
        String bizRegNo = in.value(f.bizRegNo);
        String orgCode = in.value(f.orgCode);
        String taxRegNo = in.value(f.taxRegNo);
        String instCertNo = in.value(f.instCertNo);
        String socialOrgRegNo = in.value(f.socialOrgRegNo);
        String legalRep = in.text(f.legalRep);
        String legalRepIdType = in.choiceOrOther(f.legalRepIdType, Vocabulary.ID_TYPES, "证件类型");
        String legalRepIdNo = in.value(f.legalRepIdNo);
        String idType = in.choiceOrOther(f.idType, Vocabulary.ID_TYPES, "证件类型");
        String idNo = in.value(f.idNo);

        if (orgCode != null && !OrgCodeCheck.isValid(orgCode)) {
            in.error("E_ORGCODE_CHECK", f.orgCode, in.name(f.orgCode) + " \"" + orgCode + "\" fails the 组织机构代码 "
                    + "check (GB 11714)");
        }
        if (category == SubjectCategory.NATURAL_PERSON) {
            conflict(in, f.uscc, uscc, "a 自然人 has no 统一社会信用代码");
            conflict(in, f.legalRep, legalRep, "a 自然人 has no 法定代表人");
            in.requireFor(f.idType, idType, "for a 自然人");
            in.requireFor(f.idNo, idNo, "for a 自然人");
            if (idNo != null && Vocabulary.ID_CARD.equals(idType)) {
                CitizenIdCheck.check(idNo, in.name(f.idNo), in.ctx.receivedOn(), in.issues);
            }
        } else if (category != null) {
            conflict(in, f.idType, idType, "证件类型 is only for a 自然人");
            conflict(in, f.idNo, idNo, "证件号码 is only for a 自然人; organisations are identified by their "
                    + "统一社会信用代码");
            in.requireFor(f.legalRep, legalRep, category == SubjectCategory.LEGAL_ENTITY
                    ? "for a 法人及非法人组织 (法定代表人)" : "for a 个体工商户 (经营者姓名)");
            if (uscc != null || !orgCodeSuffices || orgCode == null) {
                organisationCode(in, f, category, uscc, bizRegNo);
            }
        } else if (uscc != null) {
            UsccCheck.check(uscc, in.name(f.uscc), in.issues);
        }
        if (legalRepIdNo != null && Vocabulary.ID_CARD.equals(legalRepIdType)) {
            CitizenIdCheck.check(legalRepIdNo, in.name(f.legalRepIdNo), in.ctx.receivedOn(), in.issues);
        }
        return new Subject(name, category, uscc, bizRegNo, orgCode, taxRegNo, instCertNo, socialOrgRegNo, legalRep,
                legalRepIdType, legalRepIdNo, idType, idNo);
    }

    /** The USCC of an organisation or 个体工商户, with the placeholder exception and the 92 prefix rule. */
    private static void organisationCode(RecordInput in, SubjectFields f, SubjectCategory category, String uscc,
            String bizRegNo) {
        String field = in.name(f.uscc);
        if (uscc == null) {
            in.requireFor(f.uscc, null, "for a " + category.label());
            return;
        }
        if (uscc.equals(CodeTables.PLACEHOLDER_USCC) && category == SubjectCategory.INDIVIDUAL_BUSINESS
                && bizRegNo != null) {
            // real feeds send it for 个体工商户 registered before the USCC; the 工商注册号 identifies them instead
            in.issues.warning("W_PLACEHOLDER_USCC", field, field + " is the placeholder " + CodeTables.PLACEHOLDER_USCC
                    + "; the 个体工商户 is identified by its 工商注册号 " + bizRegNo);
            return;
        }
        if (!UsccCheck.check(uscc, field, in.issues)) {
            return;
        }
        boolean individual = uscc.startsWith(CodeTables.INDIVIDUAL_BUSINESS_USCC_PREFIX);
        if (category == SubjectCategory.INDIVIDUAL_BUSINESS && !individual) {
            in.error("E_SUBJECT_CONFLICT", f.uscc, field + " \"" + uscc + "\" does not start with 92, the code of a "
                    + "个体工商户");
        } else if (category == SubjectCategory.LEGAL_ENTITY && individual) {
            in.error("E_SUBJECT_CONFLICT", f.uscc, field + " \"" + uscc + "\" starts with 92 (个体工商户) but the "
                    + "category is 法人及非法人组织");
        }
    }

    private static void conflict(RecordInput in, FieldSpec f, String value, String why) {
        if (value != null) {
            in.error("E_SUBJECT_CONFLICT", f, in.name(f) + " is given but " + why);
        }
    }
}
