package org.creditgate.model.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to one submitted record. Each data item is looked up by its national field code (e.g. CF_WSH) or its
 * canonical English id (decisionDocNo); every finding names the field the way the sender spelled it. Each reader
 * returns the normalised value, or null when the item is absent or failed a check.
 */
final class RecordInput {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/]?(\\d{2})[-/]?(\\d{2})");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    static final String OTHER = "其他";

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

    /** The name the sender used for this item (or would have used, in its style). */
    String name(String id, String code) {
        if (code != null && node.has(code)) {
            return code;
        }
        if (node.has(id)) {
            return id;
        }
        return nationalStyle && code != null ? code : id;
    }

    private String raw(String id, String code) {
        JsonNode v = code != null && node.has(code) ? node.get(code) : node.get(id);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            issues.error("E_FORMAT", name(id, code), name(id, code) + " must be a single value, not "
                    + (v.isArray() ? "an array" : "an object"));
            return null;
        }
        return v.isBigDecimal() || v.isFloatingPointNumber() ? v.decimalValue().toPlainString() : v.asText();
    }

    boolean present(String id, String code) {
        String r = raw(id, code);
        return r != null && !r.isBlank();
    }

    /** Free text, trimmed; E_REQUIRED when required and blank, E_LENGTH over {@code max} characters. */
    String text(String id, String code, int max, boolean required) {
        String r = raw(id, code);
        String v = r == null ? null : Normalizer.text(r);
        return checkPresenceAndLength(id, code, v, max, required);
    }

    /** A code (registration numbers …): normalised per domain.md §2.4, W_NORMALIZED when that changed it. */
    String code(String id, String code, int max, boolean required) {
        String r = raw(id, code);
        if (r == null) {
            return checkPresenceAndLength(id, code, null, max, required);
        }
        String v = Normalizer.code(r);
        if (!v.equals(r) && !v.isEmpty()) {
            issues.warning("W_NORMALIZED", name(id, code), name(id, code) + " normalised from \"" + r + "\" to \"" + v
                    + "\" (spaces trimmed, full-width to half-width, upper case)");
        }
        return checkPresenceAndLength(id, code, v, max, required);
    }

    private String checkPresenceAndLength(String id, String code, String v, int max, boolean required) {
        if (v == null || v.isEmpty()) {
            if (required) {
                issues.error("E_REQUIRED", name(id, code), name(id, code) + " is required and "
                        + (v == null ? "missing" : "blank"));
            }
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            issues.error("E_LENGTH", name(id, code), name(id, code) + " has " + length + " characters; at most " + max
                    + " are allowed");
            return null;
        }
        return v;
    }

    /** A 统一社会信用代码 item, fully checked (GB 32100). */
    String uscc(String id, String code, boolean required) {
        String v = code(id, code, 18 * 4, required);
        if (v == null) {
            return null;
        }
        int before = issues.errors.size();
        UsccCheck.check(v, name(id, code), issues);
        return issues.errors.size() == before ? v : null;
    }

    /** A date: YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, zero-padded, a real calendar date. */
    LocalDate date(String id, String code, boolean required) {
        String v = code(id, code, 64, required);
        if (v == null) {
            return null;
        }
        Matcher m = DATE.matcher(v);
        if (m.matches() && consistentSeparators(v)) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                issues.error("E_DATE_FORMAT", name(id, code), name(id, code) + " \"" + v + "\" is not a calendar date");
                return null;
            }
        }
        issues.error("E_DATE_FORMAT", name(id, code), name(id, code) + " \"" + v
                + "\" is not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD");
        return null;
    }

    /** 20261118, 2026-11-18 and 2026/11/18, but not 2026-11/18 or 2026-1118. */
    private static boolean consistentSeparators(String v) {
        return v.length() == 8 || v.length() == 10 && v.charAt(4) == v.charAt(7);
    }

    /** An amount in 万元: digits with at most 6 decimals, not negative (decimal(18,6)). */
    BigDecimal amount(String id, String code, boolean required) {
        String v = code(id, code, 32, required);
        if (v == null) {
            return null;
        }
        String field = name(id, code);
        if (!AMOUNT.matcher(v).matches()) {
            String why = v.startsWith("-") ? "is negative"
                    : v.matches("\\d+\\.\\d{7,}") ? "has more than 6 decimal places"
                    : "is not a number of 万元 (digits and at most one decimal point, no units: 2000 元 = 0.2)";
            issues.error("E_AMOUNT", field, field + " \"" + v + "\" " + why);
            return null;
        }
        return new BigDecimal(v);
    }

    /** An enumerated item. */
    <E> E choice(String id, String code, boolean required, Choice<E> choice) {
        String v = code(id, code, 64, required);
        if (v == null) {
            return null;
        }
        E e = choice.find(v);
        if (e == null) {
            issues.error("E_ENUM", name(id, code), name(id, code) + " \"" + v + "\" is not a " + choice.what()
                    + " (allowed: " + choice.allowed() + ")");
        }
        return e;
    }

    /** An enumerated item that also allows {@code 其他-<detail>}; a bare 其他 lacks its detail. */
    String choiceOrOther(String id, String code, int max, boolean required, Set<String> allowed, String what) {
        String v = text(id, code, max, required);
        if (v == null) {
            return null;
        }
        v = v.replace('－', '-');
        return checkOther(name(id, code), v, allowed, what) ? v : null;
    }

    /** A ';'-separated list of enumerated items ('；' accepted), each in {@code allowed} or 其他-detail. */
    List<String> choiceList(String id, String code, int max, boolean required, Set<String> allowed, String what) {
        String v = text(id, code, max, required);
        if (v == null) {
            return null;
        }
        String field = name(id, code);
        if (v.contains("；")) {
            String normalised = v.replace('；', ';');
            issues.warning("W_NORMALIZED", field, field + " separator '；' normalised to ';'");
            v = normalised;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (String part : v.split(";")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            ok &= checkOther(field, item, allowed, what);
            out.add(item);
        }
        if (out.isEmpty()) {
            issues.error("E_REQUIRED", field, field + " lists no " + what);
            return null;
        }
        return ok ? List.copyOf(out) : null;
    }

    private boolean checkOther(String field, String v, Set<String> allowed, String what) {
        if (allowed.contains(v)) {
            return true;
        }
        if (v.equals(OTHER) || v.equals(OTHER + "-")) {
            issues.error("E_COND_REQUIRED", field, field + " \"" + v + "\": 其他 needs its detail, as 其他-<detail>");
            return false;
        }
        if (v.startsWith(OTHER + "-")) {
            return true;
        }
        issues.error("E_ENUM", field, field + " \"" + v + "\" is not a " + what + " (allowed: "
                + String.join(" / ", allowed) + " / 其他-<detail>)");
        return false;
    }

    /** A list given as a JSON array or a ';'-separated string, items trimmed. */
    List<String> list(String id, String code) {
        JsonNode v = code != null && node.has(code) ? node.get(code) : node.get(id);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> {
                if (!e.asText().isBlank()) {
                    out.add(e.asText().strip());
                }
            });
        } else {
            for (String p : v.asText().replace('；', ';').split(";")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    /** E_DATE_FUTURE when {@code d} is after the receive date. */
    void notAfterReceipt(LocalDate d, String id, String code) {
        if (d != null && d.isAfter(ctx.receivedOn())) {
            issues.error("E_DATE_FUTURE", name(id, code), name(id, code) + " " + d + " is after the receive date "
                    + ctx.receivedOn());
        }
    }

    /** E_DATE_ORDER when {@code later} is before {@code earlier}. */
    void order(LocalDate earlier, String earlierId, String earlierCode, LocalDate later, String laterId,
            String laterCode) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            issues.error("E_DATE_ORDER", name(laterId, laterCode), name(laterId, laterCode) + " " + later
                    + " is before " + name(earlierId, earlierCode) + " " + earlier);
        }
    }
}
