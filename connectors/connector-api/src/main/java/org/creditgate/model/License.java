package org.creditgate.model;

import java.time.LocalDate;

/**
 * 行政许可 (dataset LICENSE, national field prefix XK_), domain.md §3.2.
 *
 * @param decisionDocName 行政许可决定文书名称 (XK_XKWS)
 * @param decisionDocNo   行政许可决定文书号 (XK_WSH)
 * @param licenseCategory 许可类别 (XK_XKLB): 普通/特许/认可/核准/登记/其他-…
 * @param certName        许可证书名称 (XK_XKZS)
 * @param certNo          许可编号 (XK_XKBH)
 * @param content         许可内容 (XK_NR)
 * @param decisionDate    许可决定日期 (XK_JDRQ)
 * @param validFrom       有效期自 (XK_YXQZ)
 * @param validTo         有效期至 (XK_YXQZI); 2099-12-31 = 长期
 * @param authorityName   许可机关 (XK_XKJG)
 * @param authorityUscc   许可机关统一社会信用代码 (XK_XKJGDM)
 * @param status          当前状态 (XK_ZT): 1 有效, 2 无效
 * @param sourceUnit      数据来源单位 (XK_LYDW)
 * @param sourceUnitUscc  数据来源单位统一社会信用代码 (XK_LYDWDM)
 * @param remark          备注 (BZ)
 */
public record License(RecordMeta meta, Subject subject, String decisionDocName, String decisionDocNo,
        String licenseCategory, String certName, String certNo, String content, LocalDate decisionDate,
        LocalDate validFrom, LocalDate validTo, String authorityName, String authorityUscc, Status status,
        String sourceUnit, String sourceUnitUscc, String remark) implements CreditRecord {

    /** 当前状态. */
    public enum Status {
        /** 1 有效. */
        VALID,
        /** 2 无效. */
        INVALID
    }

    @Override
    public Dataset dataset() {
        return Dataset.LICENSE;
    }

    @Override
    public License withMeta(RecordMeta m) {
        return new License(m, subject, decisionDocName, decisionDocNo, licenseCategory, certName, certNo, content,
                decisionDate, validFrom, validTo, authorityName, authorityUscc, status, sourceUnit, sourceUnitUscc,
                remark);
    }

    @Override
    public String businessKey() {
        return CreditRecord.key(authorityUscc, decisionDocNo, subject.key());
    }
}
