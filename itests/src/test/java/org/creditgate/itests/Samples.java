package org.creditgate.itests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** 行政处罚 records in the national field codes (domain.md §3.3), as a department would push them. */
final class Samples {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Worked example of domain.md §2.1. */
    static final String VALID_USCC = "91350100M000100Y43";
    static final String AUTHORITY_USCC = "11350100003000014R";
    /** Worked example of domain.md §2.3. */
    static final String VALID_ID = "11010519491231002X";

    private Samples() {
    }

    /** A valid penalty against an organisation; {@code docNo} makes the business key unique. */
    static Map<String, Object> orgPenalty(String docNo) {
        Map<String, Object> r = common(docNo);
        r.put("CF_XDR_MC", "福州某某科技有限公司");
        r.put("CF_XDR_LB", "法人及非法人组织");
        r.put("CF_XDR_SHXYM", VALID_USCC);
        r.put("CF_FRDB", "张三");
        return r;
    }

    /** A valid penalty against a natural person identified by a 公民身份号码. */
    static Map<String, Object> personPenalty(String docNo, String idNo) {
        Map<String, Object> r = common(docNo);
        r.put("CF_XDR_MC", "李四");
        r.put("CF_XDR_LB", "自然人");
        r.put("CF_XDR_ZJLX", "身份证");
        r.put("CF_XDR_ZJHM", idNo);
        return r;
    }

    private static Map<String, Object> common(String docNo) {
        LocalDate decided = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("CF_WSH", docNo);
        r.put("CF_WFXW", "违反《中华人民共和国产品质量法》第三十二条");
        r.put("CF_SY", "生产、销售不合格产品");
        r.put("CF_YJ", "《中华人民共和国产品质量法》第五十条");
        r.put("CF_CFLB", "罚款");
        r.put("CF_NR", "罚款人民币2000元");
        r.put("CF_NR_FK", "0.2");
        r.put("CF_JDRQ", decided.toString());
        r.put("CF_YXQ", decided.plusYears(1).toString());
        r.put("CF_CFJG", "福州市市场监督管理局");
        r.put("CF_CFJGDM", AUTHORITY_USCC);
        r.put("CF_SJLY", "福州市市场监督管理局");
        r.put("CF_SJLYDM", AUTHORITY_USCC);
        return r;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
