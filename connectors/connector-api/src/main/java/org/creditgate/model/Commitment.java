package org.creditgate.model;

import java.time.LocalDate;

/**
 * 信用承诺 (dataset COMMITMENT), domain.md §3.6. The committer is the {@link #subject()} (承诺人名称/类别/代码).
 *
 * @param code              承诺编码: 6-digit 区划 + YYYYMMDD + 6-digit serial
 * @param type              承诺类型
 * @param cause             承诺事由
 * @param content           承诺内容
 * @param liability         违诺责任
 * @param madeOn            承诺作出日期
 * @param validUntil        承诺有效期
 * @param fulfilment        承诺履行状态
 * @param unfulfilled       未履行的承诺内容 (required unless fully fulfilled)
 * @param liabilityPursued  违诺责任追究内容 (required unless fully fulfilled)
 * @param determinedOn      认定日期
 * @param determiningUnit   认定单位
 * @param determiningUnitUscc 认定单位代码
 * @param acceptingUnit     承诺受理单位
 * @param acceptingUnitUscc 承诺受理单位代码
 * @param disclosure        公开类型
 * @param remark            备注
 */
public record Commitment(RecordMeta meta, Subject subject, String code, Type type, String cause, String content,
        String liability, LocalDate madeOn, LocalDate validUntil, Fulfilment fulfilment, String unfulfilled,
        String liabilityPursued, LocalDate determinedOn, String determiningUnit, String determiningUnitUscc,
        String acceptingUnit, String acceptingUnitUscc, Disclosure disclosure, String remark) implements CreditRecord {

    /** 承诺类型. */
    public enum Type {
        /** 审批替代型. */
        APPROVAL_SUBSTITUTE,
        /** 容缺受理型. */
        TOLERANCE_ACCEPTANCE,
        /** 证明事项型. */
        CERTIFICATION,
        /** 信用修复型. */
        CREDIT_REPAIR,
        /** 行业自律型. */
        INDUSTRY_SELF_DISCIPLINE,
        /** 主动型. */
        VOLUNTARY,
        /** 其他. */
        OTHER
    }

    /** 承诺履行状态. */
    public enum Fulfilment {
        /** 全部履行. */
        FULL,
        /** 部分履行. */
        PARTIAL,
        /** 全部未履行. */
        NONE
    }

    /** 公开类型. */
    public enum Disclosure {
        /** 可向社会公开. */
        PUBLIC,
        /** 特定范围内公开. */
        RESTRICTED,
        /** 不可公开. */
        NOT_PUBLIC
    }

    @Override
    public Dataset dataset() {
        return Dataset.COMMITMENT;
    }

    @Override
    public Commitment withMeta(RecordMeta m) {
        return new Commitment(m, subject, code, type, cause, content, liability, madeOn, validUntil, fulfilment,
                unfulfilled, liabilityPursued, determinedOn, determiningUnit, determiningUnitUscc, acceptingUnit,
                acceptingUnitUscc, disclosure, remark);
    }

    @Override
    public String businessKey() {
        return code;
    }
}
