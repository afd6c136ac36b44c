package org.creditgate.model.publication;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Masking;

/**
 * The public projection of a record (domain.md §8): what a publication target such as 信用中国 may receive.
 * <ul>
 * <li>a natural person's ID number ({@code idNo}, national code {@code *_ZJHM}) is masked by {@link Masking#idNo}
 * ({@code 420106********1238});</li>
 * <li>a legal representative's ID number and its type ({@code legalRepIdNo}, {@code legalRepIdType}, national codes
 * {@code *FR_ZJHM}, {@code *FR_ZJLX}) are never published: the members are removed;</li>
 * <li>a valid 公民身份号码 (GB 11643: province prefix, real birth date, check character) written anywhere in a text
 * value — facts, remarks, content — is masked in place, so free text cannot leak one either. Code members
 * (USCCs, organisation codes) are left as they are.</li>
 * </ul>
 * Everything else passes unchanged. Works on the canonical JSON tree, so it covers every dataset; the input is never
 * modified and projecting a projection changes nothing.
 */
public final class PublicProjection {

    /** 18 characters not glued to other letters or digits (a longer number is no ID number). */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** GB/T 2260 province prefixes (domain.md §2.1) and 83 (Taiwan residents' residence permits). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final int FIRST_BIRTH_YEAR = 1800;

    private PublicProjection() {
    }

    /** The public projection of a record, as its canonical JSON tree. */
    public static ObjectNode of(CreditRecord record) {
        ObjectNode tree = CanonicalJson.mapper().valueToTree(record);
        project(tree);
        return tree;
    }

    /**
     * The public projection of a record's JSON (canonical names, or national field codes): a projected copy; the
     * argument is not modified.
     */
    public static JsonNode of(JsonNode record) {
        JsonNode copy = record.deepCopy();
        if (copy.isTextual()) {
            return TextNode.valueOf(maskIdNumbersIn(copy.asText()));
        }
        project(copy);
        return copy;
    }

    /** The text with every valid, unmasked 公民身份号码 in it masked. */
    public static String maskIdNumbersIn(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(isCitizenId(m.group()) ? Masking.idNo(m.group())
                    : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Members that are never published. */
    static boolean isWithheld(String name) {
        return "legalRepIdNo".equals(name) || "legalRepIdType".equals(name) || name.endsWith("FR_ZJHM")
                || name.endsWith("FR_ZJLX");
    }

    /** Members holding a natural person's ID number: published masked. */
    static boolean isPersonalIdNo(String name) {
        return "idNo".equals(name) || name.endsWith("_ZJHM");
    }

    /** Code members (USCC, organisation and registration codes): never rewritten. */
    private static boolean isCode(String name) {
        return name.endsWith("uscc") || name.endsWith("Uscc") || name.endsWith("SHXYM") || name.endsWith("DM");
    }

    private static void project(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (isWithheld(name)) {
                    object.remove(name);
                } else if (value.isTextual() && isPersonalIdNo(name)) {
                    object.put(name, Masking.idNo(value.asText()));
                } else if (value.isTextual() && !isCode(name)) {
                    object.put(name, maskIdNumbersIn(value.asText()));
                } else {
                    project(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(maskIdNumbersIn(item.asText())));
                } else {
                    project(item);
                }
            }
        }
    }

    /** GB 11643 (domain.md §2.3): province prefix, a real birth date from 1800 to today, the check character. */
    public static boolean isCitizenId(String s) {
        if (s.length() != 18 || !PROVINCES.contains(s.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            if (birth.getYear() < FIRST_BIRTH_YEAR || birth.isAfter(LocalDate.now())) {
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
}
