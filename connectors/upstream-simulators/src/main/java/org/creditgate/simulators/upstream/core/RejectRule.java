package org.creditgate.simulators.upstream.core;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Rejects every record matching a predicate with one error. {@link #fieldEquals} covers the usual cases (a dataset,
 * a data member's value); any predicate works from Java.
 */
public record RejectRule(String description, Predicate<RuleInput> matches, RecordError error) {

    /** What a rule sees: the message's dataset and msgType, and the item. */
    public record RuleInput(String dataset, String msgType, BodyItem item) {
    }

    /**
     * Records of {@code dataset} (null = any) whose data member {@code field} (null = no condition) equals
     * {@code value}, rejected with {@code code}.
     */
    public static RejectRule fieldEquals(String dataset, String field, String value, String code) {
        Predicate<RuleInput> p = in -> (dataset == null || dataset.equals(in.dataset()))
                && (field == null || Objects.equals(value, in.item().field(field)));
        String where = (dataset == null ? "any dataset" : dataset) + (field == null ? "" : ", " + field + "=" + value);
        return new RejectRule(where + " → " + code, p,
                new RecordError(code, field == null ? "dataset" : field, "rejected by rule: " + where));
    }
}
