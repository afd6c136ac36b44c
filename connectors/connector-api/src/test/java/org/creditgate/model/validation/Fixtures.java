package org.creditgate.model.validation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.calendar.WorkingDayCalendar;

/** Valid records of every dataset, received on a fixed business date, for tests to break one rule at a time. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);
    static final ValidationContext CTX = new ValidationContext(RECEIVED, WorkingDayCalendar.fromClasspath());
    static final RecordValidator VALIDATOR = new RecordValidator();

    static final String ORG_USCC = "91350100M000100Y43";
    static final String AUTHORITY_USCC = "11350100003000014R";
    static final String INDIVIDUAL_USCC = "92350100MA2XK0018M";
    static final String ID = "11010519491231002X";

    private Fixtures() {
    }

    static ValidationOutcome validate(ObjectNode record) {
        return VALIDATOR.validate(record, CTX);
    }

    static ObjectNode penalty() {
        ObjectNode r = JSON.createObjectNode();
        r.put("CF_WSH", "榕市监罚〔2026〕12号");
        r.put("CF_XDR_MC", "福州某某科技有限公司");
        r.put("CF_XDR_LB", "法人及非法人组织");
        r.put("CF_XDR_SHXYM", ORG_USCC);
        r.put("CF_FRDB", "张三");
        r.put("CF_WFXW", "违反《中华人民共和国产品质量法》第三十二条");
        r.put("CF_SY", "生产、销售不合格产品");
        r.put("CF_YJ", "《中华人民共和国产品质量法》第五十条");
        r.put("CF_CFLB", "罚款");
        r.put("CF_NR", "罚款人民币2000元");
        r.put("CF_NR_FK", "0.2");
        r.put("CF_JDRQ", "2026-11-18");
        r.put("CF_YXQ", "2027-11-18");
        r.put("CF_CFJG", "福州市市场监督管理局");
        r.put("CF_CFJGDM", AUTHORITY_USCC);
        r.put("CF_SJLY", "福州市市场监督管理局");
        r.put("CF_SJLYDM", AUTHORITY_USCC);
        return r;
    }

    static ObjectNode personPenalty() {
        ObjectNode r = penalty();
        r.remove(List.of("CF_XDR_SHXYM", "CF_FRDB"));
        r.put("CF_XDR_MC", "李四");
        r.put("CF_XDR_LB", "自然人");
        r.put("CF_XDR_ZJLX", "身份证");
        r.put("CF_XDR_ZJHM", ID);
        return r;
    }

    static ObjectNode license() {
        ObjectNode r = JSON.createObjectNode();
        r.put("XK_XKWS", "食品经营许可决定书");
        r.put("XK_WSH", "榕食许〔2026〕88号");
        r.put("XK_XDR_MC", "福州某某科技有限公司");
        r.put("XK_XDR_LB", "法人及非法人组织");
        r.put("XK_XDR_SHXYM", ORG_USCC);
        r.put("XK_FRDB", "张三");
        r.put("XK_XKLB", "普通");
        r.put("XK_XKZS", "食品经营许可证");
        r.put("XK_XKBH", "JY13501000000001");
        r.put("XK_NR", "预包装食品销售");
        r.put("XK_JDRQ", "2026-11-17");
        r.put("XK_YXQZ", "2026-11-17");
        r.put("XK_YXQZI", "2031-11-16");
        r.put("XK_XKJG", "福州市市场监督管理局");
        r.put("XK_XKJGDM", AUTHORITY_USCC);
        r.put("XK_ZT", "1");
        r.put("XK_LYDW", "福州市市场监督管理局");
        r.put("XK_LYDWDM", AUTHORITY_USCC);
        return r;
    }

    static ObjectNode listEntry() {
        ObjectNode r = orgSubject("LIST");
        r.put("listKind", "BLACK");
        r.put("listName", "重大税收违法失信主体");
        r.put("reason", "虚开增值税专用发票");
        r.put("basis", "《重大税收违法失信主体信息公布管理办法》第六条");
        r.put("basisDocNo", "榕税稽罚〔2026〕5号");
        r.put("decidingUnit", "国家税务总局福州市税务局");
        r.put("decidingUnitUscc", AUTHORITY_USCC);
        r.put("listedOn", "2026-11-01");
        r.put("listedUntil", "2029-10-31");
        return r;
    }

    static ObjectNode executee() {
        ObjectNode r = personSubject("DISHONEST_EXECUTEE");
        r.put("gender", "女");
        r.put("age", 76);
        r.put("duty", "支付货款人民币十万元及利息");
        r.put("performance", "全部未履行");
        r.put("behaviour", "有履行能力而拒不履行生效法律文书确定义务");
        r.put("basisDocNo", "（2025）闽0102民初123号");
        r.put("basisIssuer", "福州市鼓楼区人民法院");
        r.put("caseNo", "（2026）闽0102执456号");
        r.put("filedOn", "2026-03-02");
        r.put("court", "福州市鼓楼区人民法院");
        r.put("publishedOn", "2026-06-01");
        return r;
    }

    static ObjectNode commitment() {
        ObjectNode r = orgSubject("COMMITMENT");
        r.put("code", "35010020261101000001");
        r.put("type", "信用修复型");
        r.put("cause", "申请信用修复");
        r.put("content", "已纠正失信行为，承诺今后依法经营");
        r.put("liability", "违诺将按最长公示期公示");
        r.put("madeOn", "2026-11-01");
        r.put("validUntil", "2027-10-31");
        r.put("fulfilment", "全部履行");
        r.put("acceptingUnit", "福州市发展和改革委员会");
        r.put("acceptingUnitUscc", AUTHORITY_USCC);
        r.put("disclosure", "可向社会公开");
        return r;
    }

    static ObjectNode repair() {
        ObjectNode r = orgSubject("REPAIR");
        r.put("repairId", "XF-2026-0001");
        r.put("targetDataset", "PENALTY");
        r.put("targetRecordId", "5b7c8e1a-0000-5000-8000-000000000001");
        r.put("repairMode", "终止公示行政处罚");
        r.put("appliedOn", "2026-11-02");
        r.put("decidedOn", "2026-11-10");
        r.put("decision", "同意修复");
        r.put("decidingUnit", "福州市发展和改革委员会");
        r.put("decidingUnitUscc", AUTHORITY_USCC);
        r.put("finePaid", "Y");
        r.put("commitmentCode", "35010020261101000001");
        return r;
    }

    static ObjectNode objection() {
        ObjectNode r = JSON.createObjectNode();
        r.put("dataset", "OBJECTION");
        r.put("objectionId", "YY-2026-0007");
        r.put("targetDataset", "PENALTY");
        r.put("targetRecordId", "5b7c8e1a-0000-5000-8000-000000000001");
        r.put("applicant", "福州某某科技有限公司");
        r.put("claim", "处罚已被复议机关撤销");
        r.put("submittedOn", "2026-11-02");
        r.put("forwardedOn", "2026-11-03");
        r.put("providerUnit", "福州市市场监督管理局");
        r.put("providerUnitUscc", AUTHORITY_USCC);
        return r;
    }

    static ObjectNode shield() {
        ObjectNode r = JSON.createObjectNode();
        r.put("dataset", "SHIELD");
        r.put("shieldId", "PB-2026-0001");
        r.put("targetDataset", "PENALTY");
        r.put("targetRecordId", "5b7c8e1a-0000-5000-8000-000000000001");
        r.put("cause", "REPAIR");
        r.put("effectiveAt", "2026-11-10T09:30:00+08:00");
        r.put("decisionRef", "榕发改信修〔2026〕1号");
        r.putArray("targets").add("province").add("creditchina");
        return r;
    }

    static ObjectNode feedback() {
        ObjectNode r = orgSubject("JOINT_FEEDBACK");
        r.put("period", "2026-10");
        r.put("reportingUnit", "福州市财政局");
        r.put("reportingUnitUscc", AUTHORITY_USCC);
        r.put("role", "实施部门");
        r.put("listKind", "黑名单");
        r.put("listRecordId", "5b7c8e1a-0000-5000-8000-000000000002");
        r.put("measureCode", "C0101");
        r.put("appliedOn", "2026-10-15");
        r.put("businessItem", "政府采购");
        r.put("outcome", "限制参加政府采购活动");
        return r;
    }

    static ObjectNode orgSubject(String dataset) {
        ObjectNode r = JSON.createObjectNode();
        r.put("dataset", dataset);
        r.put("subjectName", "福州某某科技有限公司");
        r.put("subjectCategory", "法人及非法人组织");
        r.put("uscc", ORG_USCC);
        r.put("legalRep", "张三");
        return r;
    }

    static ObjectNode personSubject(String dataset) {
        ObjectNode r = JSON.createObjectNode();
        r.put("dataset", dataset);
        r.put("subjectName", "李四");
        r.put("subjectCategory", "自然人");
        r.put("idType", "身份证");
        r.put("idNo", ID);
        return r;
    }
}
