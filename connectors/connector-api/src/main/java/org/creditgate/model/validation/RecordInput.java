package org.creditgate.model.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.model.Masking;

/**
 * Typed access to one submitted record. Each data item is looked up by its national field code (CF_WSH) or its
 * canonical name (decisionDocNo), as its {@link FieldSpec} says; every finding names the field the way the sender
 * spelled it. Readers return the normalised value, or null when the item is absent or failed a check, so one bad
 * item never stops the checks of the others.
 */
final class RecordInput {

    /** Quoted values are clipped: a message names the value, it does not repeat a 4000-character text. */
    private static final int QUOTE_MAX = 64;
    /**
     * Widest exponent a JSON number is written out in plain digits for: {@code 1e999999999} is eleven characters of
     * JSON but a billion digits in plain notation (an OutOfMemoryError, or NegativeArraySizeException past 2^31).
     * No item of any dataset is anywhere near this; beyond it the number keeps its E notation and fails its check.
     */
    private static final int PLAIN_SCALE_MAX = 64;

    final JsonNode node;
    final Issues issues;
    final ValidationContext ctx;
    private final boolean nationalStyle;

    RecordInput(JsonNode node, String nationalPrefix, Issues issues, ValidationContext ctx) {
        this.node = node;
        this.issues = issues;
        this.ctx = ctx;
        this.nationalStyle = nationalPrefix != null && usesPrefix(node, nationalPrefix);
    }

    private static boolean usesPrefix(JsonNode node, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            if (it.next().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The key the sender used for this item, or would have used in its naming style when the item is missing. */
    String name(FieldSpec f) {
        if (f.code() != null && node.has(f.code())) {
            return f.code();
        }
        if (node.has(f.id())) {
            return f.id();
        }
        return nationalStyle && f.code() != null ? f.code() : f.id();
    }

    private JsonNode get(FieldSpec f) {
        JsonNode v = f.code() == null ? null : node.get(f.code());
        return v != null ? v : node.get(f.id());
    }

    /** The value as text exactly as sent (numbers in plain notation), or null when absent or not a single value. */
    private String raw(FieldSpec f) {
        JsonNode v = get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            issues.error("E_FORMAT", name(f), name(f) + " must be a single value, not "
                    + (v.isArray() ? "an array" : "an object"));
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "TRUE" : "FALSE";
        }
        return v.isFloatingPointNumber() ? plain(v.decimalValue()) : v.asText();
    }

    private static String plain(BigDecimal d) {
        return Math.abs((long) d.scale()) <= PLAIN_SCALE_MAX ? d.toPlainString() : d.toString();
    }

    boolean present(FieldSpec f) {
        JsonNode v = get(f);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    /**
     * The item normalised for its kind (W_NORMALIZED when that changed it), checked for presence (E_REQUIRED) and
     * length (E_LENGTH, when the kind has no format check of its own).
     */
    String value(FieldSpec f) {
        String r = raw(f);
        String unfit = r == null ? null : unprintable(r);
        if (unfit != null) {
            issues.error("E_FORMAT", name(f), name(f) + " contains " + unfit + "; remove it (copied from another "
                    + "system? check its export encoding)");
            return null;
        }
        String v = r == null ? null : normalise(f, r);
        if (v == null || v.isEmpty()) {
            if (f.required()) {
                issues.error("E_REQUIRED", name(f), name(f) + " is required and " + (v == null ? "missing" : "blank"));
            }
            return null;
        }
        if (f.max() > 0 && f.kind() != FieldSpec.Kind.USCC) {
            int length = v.codePointCount(0, v.length());
            if (length > f.max()) {
                issues.error("E_LENGTH", name(f), name(f) + " has " + length + " characters; at most " + f.max()
                        + " are allowed");
                return null;
            }
        }
        return v;
    }

    /**
     * What no item of credit information may contain, described without echoing it: control characters (line breaks
     * and tabs are text), unpaired UTF-16 surrogates (half a character: unstorable as UTF-8 — PostgreSQL refuses NUL
     * and mangles these), bidirectional overrides and isolates (they make a published name read differently from
     * what is stored) and the noncharacters U+FFFE/U+FFFF. Null when the text is clean.
     */
    static String unprintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String what = null;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                what = "control character";
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                what = "half of a UTF-16 surrogate pair";
            } else if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                what = "bidirectional control character";
            } else if (c == 0xfffe || c == 0xffff) {
                what = "noncharacter";
            }
            if (what != null) {
                return String.format("a %s (U+%04X) at position %d", what, (int) c, s.codePointCount(0, i) + 1);
            }
        }
        return null;
    }

    private String normalise(FieldSpec f, String r) {
        String v = switch (f.kind()) {
            case TEXT, LIST -> Normalizer.text(r);
            case ENUM_OR_OTHER, ENUM_LIST -> Normalizer.label(r);
            default -> Normalizer.code(r);
        };
        if (!v.equals(r) && !v.isEmpty()) {
            String field = name(f);
            issues.warning("W_NORMALIZED", field, f.kind() == FieldSpec.Kind.TEXT
                    ? field + ": leading/trailing spaces removed"
                    : field + " normalised from \"" + shown(f, r) + "\" to \"" + shown(f, v)
                            + "\" (spaces trimmed, full-width to half-width" + (f.kind() == FieldSpec.Kind.ENUM_LIST
                                    || f.kind() == FieldSpec.Kind.ENUM_OR_OTHER ? ")" : ", upper case)"));
        }
        return v;
    }

    /** How a message may quote this item's value: personal ID numbers (in any field) masked, long values clipped. */
    String shown(FieldSpec f, String v) {
        if (f.kind() == FieldSpec.Kind.PERSONAL_ID) {
            return Masking.idNo(v);
        }
        return v.length() <= QUOTE_MAX ? Masking.inMessage(v) : v.substring(0, QUOTE_MAX) + "…";
    }

    String text(FieldSpec f) {
        return value(f);
    }

    /** A 统一社会信用代码, fully checked (GB 32100 in the order of domain.md §2.4). */
    String uscc(FieldSpec f) {
        String v = value(f);
        if (v == null) {
            return null;
        }
        return UsccCheck.check(v, name(f), issues) ? v : null;
    }

    LocalDate date(FieldSpec f) {
        return DateRules.date(this, f);
    }

    OffsetDateTime dateTime(FieldSpec f) {
        return DateRules.dateTime(this, f);
    }

    BigDecimal amount(FieldSpec f) {
        return AmountRules.amount(this, f);
    }

    <E> E choice(FieldSpec f, Choice<E> choice) {
        return EnumRules.choice(this, f, choice);
    }

    String choiceOrOther(FieldSpec f, Set<String> allowed, String what) {
        return EnumRules.choiceOrOther(this, f, allowed, what);
    }

    List<String> choiceList(FieldSpec f, Set<String> allowed, String what) {
        return EnumRules.choiceList(this, f, allowed, what);
    }

    /** A whole number from {@code min} to {@code maxValue}; E_FORMAT otherwise. */
    Integer integer(FieldSpec f, int min, int maxValue) {
        String v = value(f);
        if (v == null) {
            return null;
        }
        int n = -1;
        if (v.length() <= 9 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            n = Integer.parseInt(v);
        }
        if (n < min || n > maxValue) {
            error("E_FORMAT", f, name(f) + " \"" + shown(f, v) + "\" is not a whole number from " + min + " to "
                    + maxValue);
            return null;
        }
        return n;
    }

    /** A list given as a JSON array or a ';'-separated string; items trimmed, empty items dropped. */
    List<String> list(FieldSpec f) {
        JsonNode v = get(f);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> addItem(f, e.asText(), out));
        } else {
            for (String p : v.asText().replace('；', ';').split(";")) {
                addItem(f, p, out);
            }
        }
        return List.copyOf(out);
    }

    private void addItem(FieldSpec f, String item, List<String> out) {
        String t = item.strip();
        if (t.isEmpty()) {
            return;
        }
        String unfit = unprintable(t);
        if (unfit != null) {
            error("E_FORMAT", f, name(f) + " item contains " + unfit);
            return;
        }
        if (t.codePointCount(0, t.length()) > f.max()) {
            error("E_LENGTH", f, name(f) + " item \"" + shown(f, t) + "\" is longer than " + f.max() + " characters");
            return;
        }
        out.add(t);
    }

    /**
     * E_REQUIRED for an item the domain tables require for some subjects or kinds only ("Y for 自然人", "Y
     * (BLACK/WATCH)"), when {@code value} is missing and the item has not already failed for another reason.
     */
    void requireFor(FieldSpec f, Object value, String why) {
        missing("E_REQUIRED", f, value, why);
    }

    /** E_COND_REQUIRED for a conditional item ("cond", "Y if …", 其他 without its detail) that is missing. */
    void requireBecause(FieldSpec f, Object value, String because) {
        missing("E_COND_REQUIRED", f, value, because);
    }

    private void missing(String code, FieldSpec f, Object value, String why) {
        String field = name(f);
        if (value == null && !issues.failed(field)) {
            issues.error(code, field, field + " is required " + why);
        }
    }

    void error(String code, FieldSpec f, String message) {
        issues.error(code, name(f), message);
    }
}
