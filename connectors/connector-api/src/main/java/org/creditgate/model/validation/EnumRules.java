package org.creditgate.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Enumerated items (E_ENUM), the {@code 其他-<detail>} convention (E_COND_REQUIRED) and ';'-separated lists. */
final class EnumRules {

    static final String OTHER = "其他";
    private static final String OTHER_PREFIX = OTHER + "-";

    private EnumRules() {
    }

    static <E> E choice(RecordInput in, FieldSpec f, Choice<E> choice) {
        String v = in.value(f);
        if (v == null) {
            return null;
        }
        E e = choice.find(v);
        if (e == null) {
            in.error("E_ENUM", f, in.name(f) + " \"" + in.shown(f, v) + "\" is not a " + choice.what() + " (allowed: "
                    + choice.allowed() + ")");
        }
        return e;
    }

    /** One of {@code allowed}, or 其他-detail; a bare 其他 lacks its detail. */
    static String choiceOrOther(RecordInput in, FieldSpec f, Set<String> allowed, String what) {
        String v = in.value(f);
        return v != null && allowedOrOther(in, f, v, allowed, what) ? v : null;
    }

    /**
     * ';'-separated items, each one of {@code allowed} or 其他-detail. The full-width '；' many feeds use has already
     * become ';' in the label normalisation (with W_NORMALIZED).
     */
    static List<String> choiceList(RecordInput in, FieldSpec f, Set<String> allowed, String what) {
        String v = in.value(f);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (String part : v.split(";")) {
            String item = part.strip();
            if (!item.isEmpty()) {
                ok &= allowedOrOther(in, f, item, allowed, what);
                out.add(item);
            }
        }
        if (out.isEmpty()) {
            in.error("E_REQUIRED", f, in.name(f) + " lists no " + what);
            return null;
        }
        return ok ? List.copyOf(out) : null;
    }

    private static boolean allowedOrOther(RecordInput in, FieldSpec f, String v, Set<String> allowed, String what) {
        if (allowed.contains(v)) {
            return true;
        }
        if (v.equals(OTHER) || v.equals(OTHER_PREFIX)) {
            in.error("E_COND_REQUIRED", f, in.name(f) + " \"" + v + "\": 其他 needs its detail, as 其他-<detail>");
            return false;
        }
        if (v.startsWith(OTHER_PREFIX)) {
            return true;
        }
        in.error("E_ENUM", f, in.name(f) + " \"" + in.shown(f, v) + "\" is not a " + what + " (allowed: "
                + String.join(" / ", allowed) + " / 其他-<detail>)");
        return false;
    }
}
