package org.creditgate.model.validation;

import java.util.List;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;

/**
 * Result of validating one record.
 *
 * @param dataset  the dataset, or null when it could not be determined
 * @param record   the canonical record, or null when there is any error
 * @param errors   every E_* finding (all of them, not just the first)
 * @param warnings every W_* finding
 */
public record ValidationOutcome(Dataset dataset, CreditRecord record, List<ValidationIssue> errors,
        List<ValidationIssue> warnings) {

    public ValidationOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty() && record != null;
    }
}
