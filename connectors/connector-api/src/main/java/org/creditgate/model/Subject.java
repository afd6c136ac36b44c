package org.creditgate.model;

/**
 * The common subject block of every dataset (行政相对人信息, domain.md §3.1). Field codes are given for 行政处罚; 行政许可
 * uses the same codes with prefix XK_ instead of CF_.
 *
 * @param subjectName    行政相对人名称 (CF_XDR_MC)
 * @param subjectCategory 行政相对人类别 (CF_XDR_LB)
 * @param uscc           统一社会信用代码 (CF_XDR_SHXYM); empty for 自然人
 * @param bizRegNo       工商注册号 (CF_XDR_GSZC)
 * @param orgCode        组织机构代码 (CF_XDR_ZZJG)
 * @param taxRegNo       税务登记号 (CF_XDR_SWDJ)
 * @param instCertNo     事业单位证书号 (CF_XDR_SYDW)
 * @param socialOrgRegNo 社会组织登记证号 (CF_XDR_SHZZ)
 * @param legalRep       法定代表人 (CF_FRDB); 个体工商户: 经营者姓名
 * @param legalRepIdType 法定代表人证件类型 (CF_FR_ZJLX)
 * @param legalRepIdNo   法定代表人证件号码 (CF_FR_ZJHM); never published
 * @param idType         证件类型 (CF_XDR_ZJLX); 自然人 only
 * @param idNo           证件号码 (CF_XDR_ZJHM); 自然人 only
 */
public record Subject(String subjectName, SubjectCategory subjectCategory, String uscc, String bizRegNo,
        String orgCode, String taxRegNo, String instCertNo, String socialOrgRegNo, String legalRep,
        String legalRepIdType, String legalRepIdNo, String idType, String idNo) {

    /** Stable key of the subject for ordering and business keys; never reveals a personal ID number. */
    public String key() {
        return SubjectKeys.of(this);
    }

    @Override
    public String toString() {
        return "Subject[" + subjectName + ", " + subjectCategory + ", uscc=" + uscc + ", idNo=" + Masking.idNo(idNo)
                + ", legalRepIdNo=" + Masking.idNo(legalRepIdNo) + "]";
    }
}
