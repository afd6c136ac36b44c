package org.creditgate.simulators.upstream.creditchina;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final int FIRST_YEAR = 1800;

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

    /** GB 11643: province prefix, real birth date (1800 … today), check character. */
    public static boolean isCitizenId(String s) {
        if (s.length() != 18 || !PROVINCES.contains(s.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            if (birth.getYear() < FIRST_YEAR || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(s.charAt(17)) == CHECK_CHARS.charAt(sum % 11);
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
