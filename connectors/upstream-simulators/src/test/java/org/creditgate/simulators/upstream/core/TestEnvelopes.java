package org.creditgate.simulators.upstream.core;

import org.creditgate.model.crypto.BodyDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds §7.2 envelopes the way the gateway will: correct digest and count unless told otherwise. */
public final class TestEnvelopes {

    public static final String ORG_USCC = "91350100M000100Y43";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String msgType;
    private final String dataset;
    private final List<ObjectNode> items = new ArrayList<>();
    private String msgId = "MSG-" + UUID.randomUUID();
    private Integer recordCount;
    private String digest;

    private TestEnvelopes(String msgType, String dataset) {
        this.msgType = msgType;
        this.dataset = dataset;
    }

    public static TestEnvelopes data(String dataset) {
        return new TestEnvelopes("DATA", dataset);
    }

    public static TestEnvelopes shield(String dataset) {
        return new TestEnvelopes("SHIELD", dataset);
    }

    /** A 行政处罚 of an organisation, publishable, with the national codes. */
    public static ObjectNode penalty(String uscc, String kind) {
        ObjectNode d = F.objectNode();
        d.put("CF_WSH", "榕市监罚〔2026〕12号").put("CF_XDR_MC", "福州某某科技有限公司").put("CF_XDR_LB", "法人及非法人组织")
                .put("CF_XDR_SHXYM", uscc).put("CF_FRDB", "张三").put("CF_CFLB", kind).put("CF_NR", "罚款人民币2000元")
                .put("CF_NR_FK", "0.2").put("CF_JDRQ", "2026-11-18").put("CF_CFJG", "福州市市场监督管理局")
                .put("CF_CFJGDM", "11350100003000014R").put("publish", "Y");
        return d;
    }

    public TestEnvelopes msgId(String id) {
        msgId = id;
        return this;
    }

    public TestEnvelopes item(String recordId, int version, String op, JsonNode data) {
        ObjectNode i = F.objectNode();
        i.put("recordId", recordId).put("version", version).put("op", op).set("data", data);
        items.add(i);
        return this;
    }

    public TestEnvelopes shieldItem(String recordId, int version, String cause) {
        ObjectNode i = F.objectNode();
        ObjectNode d = F.objectNode().put("shieldId", "PB-" + recordId).put("targetRecordId", recordId)
                .put("cause", cause).put("effectiveAt", "2026-11-20T09:30:00+08:00");
        i.put("recordId", recordId).put("version", version).put("cause", cause).set("data", d);
        items.add(i);
        return this;
    }

    /** Declares a wrong record count. */
    public TestEnvelopes recordCount(int n) {
        recordCount = n;
        return this;
    }

    /** Declares a wrong digest. */
    public TestEnvelopes digest(String d) {
        digest = d;
        return this;
    }

    public String msgId() {
        return msgId;
    }

    public ArrayNode body() {
        ArrayNode body = F.arrayNode();
        items.forEach(body::add);
        return body;
    }

    public ObjectNode build() {
        ArrayNode body = body();
        ObjectNode root = F.objectNode();
        root.putObject("header").put("msgId", msgId).put("msgType", msgType).put("dataset", dataset)
                .put("schemaVersion", "2021").put("sender", "350100-city").put("receiver", "upstream")
                .put("sentAt", "2026-11-20T01:00:00+08:00").put("nonce", UUID.randomUUID().toString())
                .put("recordCount", recordCount != null ? recordCount : items.size())
                .put("digest", digest != null ? digest : BodyDigest.of(body));
        root.set("body", body);
        return root;
    }

    public String json() {
        return Json.write(build());
    }

    /** A valid 公民身份号码 for the first 17 digits (GB 11643 check character appended). */
    public static String citizenId(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
