package org.creditgate.model.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every finding of one record; remembers which fields already failed so later rules skip them. */
final class Issues {

    final List<ValidationIssue> errors = new ArrayList<>();
    final List<ValidationIssue> warnings = new ArrayList<>();
    private final Set<String> failedFields = new HashSet<>();

    void error(String code, String field, String message) {
        errors.add(new ValidationIssue(code, field, message));
        failedFields.add(field);
    }

    void warning(String code, String field, String message) {
        warnings.add(new ValidationIssue(code, field, message));
    }

    boolean failed(String field) {
        return failedFields.contains(field);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }
}
