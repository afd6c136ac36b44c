package org.creditgate.model.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One finding about one record: an {@code E_*} error (the record is rejected) or a {@code W_*} warning (it is only
 * annotated), with the field as the sender named it and a message naming the value and the rule.
 */
public record ValidationIssue(String code, String field, String message) {

    @JsonIgnore
    public boolean isError() {
        return code.startsWith("E_");
    }
}
