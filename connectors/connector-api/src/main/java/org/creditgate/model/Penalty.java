package org.creditgate.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 行政处罚 (dataset PENALTY, national field prefix CF_), domain.md §3.3.
 *
 * @param decisionDocNo     行政处罚决定书文号 (CF_WSH)
 * @param violationType     违法行为类型 (CF_WFXW)
 * @param facts             违法事实 (CF_SY)
 * @param legalBasis        处罚依据 (CF_YJ)
 * @param penaltyKinds      处罚类别 (CF_CFLB), 行政处罚法 art. 9 kinds
 * @param content           处罚内容 (CF_NR)
 * @param fineAmount        罚款金额（万元） (CF_NR_FK)
 * @param confiscatedAmount 没收违法所得、没收非法财物的金额（万元） (CF_NR_WFFF)
 * @param suspendedLicense  暂扣或吊销证照名称及编号 (CF_NR_ZKDX)
 * @param decisionDate      处罚决定日期 (CF_JDRQ)
 * @param effectiveUntil    处罚有效期 (CF_YXQ); 2099-12-31 = 长期
 * @param publishUntil      公示截止期 (CF_GSJZQ)
 * @param authorityName     处罚机关 (CF_CFJG)
 * @param authorityUscc     处罚机关统一社会信用代码 (CF_CFJGDM)
 * @param sourceUnit        数据来源单位 (CF_SJLY)
 * @param sourceUnitUscc    数据来源单位统一社会信用代码 (CF_SJLYDM)
 * @param remark            备注 (BZ)
 * @param procedure         程序 (gateway field): 简易 / 普通
 * @param severity          失信程度 (gateway field, decided by the provider): 一般 / 严重
 * @param publish           公开 (gateway field): whether the department allows publication
 * @param publishReason     reason when not published (gateway field)
 * @param relation          关联关系 (gateway field): set only on a person record linked to an organisation's
 *                          record ({@link LegalRepLink}), null otherwise
 * @param linkedRecordId    the organisation record a linked record was derived from (gateway field)
 */
public record Penalty(RecordMeta meta, Subject subject, String decisionDocNo, String violationType, String facts,
        String legalBasis, List<String> penaltyKinds, String content, BigDecimal fineAmount,
        BigDecimal confiscatedAmount, String suspendedLicense, LocalDate decisionDate, LocalDate effectiveUntil,
        LocalDate publishUntil, String authorityName, String authorityUscc, String sourceUnit, String sourceUnitUscc,
        String remark, Procedure procedure, Severity severity, Boolean publish, String publishReason,
        LegalRepLink.Relation relation, String linkedRecordId) implements CreditRecord {

    public Penalty {
        penaltyKinds = penaltyKinds == null ? List.of() : List.copyOf(penaltyKinds);
    }

    /** 程序. */
    public enum Procedure {
        /** 简易程序. */
        SIMPLE,
        /** 普通程序. */
        ORDINARY
    }

    /** 失信程度. */
    public enum Severity {
        /** 一般失信. */
        GENERAL,
        /** 严重失信. */
        SERIOUS
    }

    @Override
    public Dataset dataset() {
        return Dataset.PENALTY;
    }

    @Override
    public Penalty withMeta(RecordMeta m) {
        return new Penalty(m, subject, decisionDocNo, violationType, facts, legalBasis, penaltyKinds, content,
                fineAmount, confiscatedAmount, suspendedLicense, decisionDate, effectiveUntil, publishUntil,
                authorityName, authorityUscc, sourceUnit, sourceUnitUscc, remark, procedure, severity, publish,
                publishReason, relation, linkedRecordId);
    }

    @Override
    public String businessKey() {
        // a linked person record never takes the key of a penalty the department gives the same person (双罚制)
        return relation == null ? CreditRecord.key(authorityUscc, decisionDocNo, subject.key())
                : CreditRecord.key(authorityUscc, decisionDocNo, subject.key(), relation, linkedRecordId);
    }
}
