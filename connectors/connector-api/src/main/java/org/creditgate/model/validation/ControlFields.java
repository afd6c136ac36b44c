package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.INTEGER;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** Control keys next to the data items of every record (not data items themselves). */
final class ControlFields {

    static final FieldSpec DATASET = optional("dataset", ENUM, 0);   // optional when XK_/CF_ codes tell it
    static final FieldSpec OP = optional("op", ENUM, 0);             // ADD by default
    static final FieldSpec RECORD_ID = optional("recordId", TEXT, 64);
    static final FieldSpec VERSION = optional("version", INTEGER, 9);

    static final List<FieldSpec> ALL = List.of(DATASET, OP, RECORD_ID, VERSION);

    private ControlFields() {
    }
}
