package org.creditgate.simulators.upstream.creditchina;

import org.creditgate.model.publication.PublicProjection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds personal data 信用中国 must never publish (domain.md §8) in a JSON payload: an unmasked 公民身份号码 anywhere
 * (18 characters, GB 11643 check character valid, a province prefix and a real birth date — so USCCs and document
 * numbers do not count; the masked form {@code 420106********1238} never matches), and any non-blank legal
 * representative's ID number (members named {@code *FR_ZJHM} or {@code legalRepIdNo}), masked or not.
 */
public final class IdNumberScanner {

    public static final String UNMASKED_ID = "UNMASKED_ID";
    public static final String LEGAL_REP_ID = "LEGAL_REP_ID";

    /** 18 characters not glued to other letters or digits (a longer number is not an ID number). */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    /** One finding: where (a JSON pointer into the payload), what kind, and the value masked. */
    public record Finding(String pointer, String kind, String maskedValue) {
    }

    private IdNumberScanner() {
    }

    /** Every finding in the tree (member names are scanned too). */
    public static List<Finding> scan(JsonNode node) {
        List<Finding> out = new ArrayList<>();
        walk(node, "", null, out);
        return out;
    }

    /** The valid, unmasked ID numbers in a text. */
    public static List<String> idNumbersIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isCitizenId(m.group())) {
                found.add(m.group().toUpperCase());
            }
        }
        return found;
    }

    /** GB 11643: province prefix, real birth date (1800 … today), check character — the model's rule. */
    public static boolean isCitizenId(String s) {
        return PublicProjection.isCitizenId(s);
    }

    private static void walk(JsonNode node, String pointer, String name, List<Finding> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                idNumbersIn(e.getKey()).forEach(id -> out.add(new Finding(child, UNMASKED_ID, mask(id))));
                walk(e.getValue(), child, e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, name, out);
            }
        } else if (node.isValueNode() && !node.isNull()) {
            String text = node.asText();
            if (name != null && isLegalRepIdMember(name) && !text.isBlank()) {
                out.add(new Finding(pointer, LEGAL_REP_ID, mask(text)));
            }
            idNumbersIn(text).forEach(id -> out.add(new Finding(pointer, UNMASKED_ID, mask(id))));
        }
    }

    static boolean isLegalRepIdMember(String name) {
        return name.endsWith("FR_ZJHM") || "legalRepIdNo".equals(name);
    }

    private static String mask(String v) {
        return v.length() < 10 ? "*".repeat(v.length()) : v.substring(0, 6) + "********" + v.substring(v.length() - 4);
    }
}
