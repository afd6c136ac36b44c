package org.creditgate.core.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Penalty records in the national field codes, for pipeline and route tests. */
final class Records {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private Records() {
    }

    static ObjectNode penalty(String docNo) {
        ObjectNode r = JSON.createObjectNode();
        r.put("CF_WSH", docNo);
        r.put("CF_XDR_MC", "福州某某科技有限公司");
        r.put("CF_XDR_LB", "法人及非法人组织");
        r.put("CF_XDR_SHXYM", "91350100M000100Y43");
        r.put("CF_FRDB", "张三");
        r.put("CF_WFXW", "违反《中华人民共和国产品质量法》第三十二条");
        r.put("CF_SY", "生产、销售不合格产品");
        r.put("CF_YJ", "《中华人民共和国产品质量法》第五十条");
        r.put("CF_CFLB", "罚款");
        r.put("CF_NR", "罚款人民币2000元");
        r.put("CF_NR_FK", "0.2");
        r.put("CF_JDRQ", TODAY.minusDays(2).toString());
        r.put("CF_YXQ", TODAY.plusYears(1).toString());
        r.put("CF_CFJG", "福州市市场监督管理局");
        r.put("CF_CFJGDM", "11350100003000014R");
        r.put("CF_SJLY", "福州市市场监督管理局");
        r.put("CF_SJLYDM", "11350100003000014R");
        return r;
    }

    static JsonNode batch(JsonNode... records) {
        return JSON.valueToTree(Map.of("records", List.of(records)));
    }
}
