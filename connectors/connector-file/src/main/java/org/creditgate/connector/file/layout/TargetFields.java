package org.creditgate.connector.file.layout;

import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.Subject;

/**
 * The record fields a mapping may target, per dataset, so a typo in {@code map.<field>} fails at activation
 * instead of silently dropping a column. connector-api has no public field catalogue (its FieldSpec tables are
 * package-private), so the names come from the canonical record types, whose components are the canonical input
 * names; 双公示 datasets also take their national codes (XK_…, CF_…, BZ), accepted by shape.
 */
final class TargetFields {

    private static final Set<String> CONTROL = Set.of("dataset", "op", "recordId", "version");
    private static final Set<String> NOT_INPUT = Set.of("meta", "subject");
    private static final Pattern NATIONAL_CODE = Pattern.compile("(XK|CF)_[A-Z0-9_]+|BZ");
    private static final Map<Dataset, Set<String>> BY_DATASET = byDataset();

    private TargetFields() {
    }

    /** Whether {@code field} (without a trailing {@code []}) is an input field of the dataset, or of any. */
    static boolean known(String field, Optional<Dataset> dataset) {
        if (CONTROL.contains(field)) {
            return true;
        }
        if (dataset.isEmpty()) {
            return NATIONAL_CODE.matcher(field).matches()
                    || BY_DATASET.values().stream().anyMatch(s -> s.contains(field));
        }
        Dataset d = dataset.get();
        boolean national = (d == Dataset.LICENSE || d == Dataset.PENALTY) && NATIONAL_CODE.matcher(field).matches();
        return national || BY_DATASET.get(d).contains(field);
    }

    static Set<String> of(Dataset dataset) {
        return BY_DATASET.get(dataset);
    }

    private static Map<Dataset, Set<String>> byDataset() {
        Map<Dataset, Set<String>> out = new EnumMap<>(Dataset.class);
        for (JsonSubTypes.Type t : CreditRecord.class.getAnnotation(JsonSubTypes.class).value()) {
            Set<String> names = new LinkedHashSet<>();
            components(t.value(), names);
            components(Subject.class, names);
            out.put(Dataset.valueOf(t.name()), names);
        }
        return out;
    }

    private static void components(Class<?> type, Set<String> into) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (!NOT_INPUT.contains(c.getName())) {
                into.add(c.getName());
            }
        }
    }
}
