package org.creditgate.model.validation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An enumerated data item: the national labels (and the English constant names) a sender may use, mapped to the
 * canonical value.
 */
final class Choice<E> {

    private final String what;
    private final Map<String, E> byLabel = new HashMap<>();
    private final Set<String> labels = new LinkedHashSet<>();

    private Choice(String what) {
        this.what = what;
    }

    static <E> Choice<E> of(String what) {
        return new Choice<>(what);
    }

    /** Adds a value under its national label(s); enum constants are also accepted by name. */
    Choice<E> add(E value, String... nationalLabels) {
        for (String l : nationalLabels) {
            byLabel.put(l, value);
            labels.add(l);
        }
        if (value instanceof Enum<?> e) {
            byLabel.put(e.name(), value);
        }
        return this;
    }

    E find(String label) {
        return byLabel.get(label);
    }

    String what() {
        return what;
    }

    String allowed() {
        return String.join(" / ", labels);
    }
}
