package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.DATE_TIME;
import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.LIST;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.optional;
import static org.creditgate.model.validation.FieldSpec.required;

import java.util.List;

/** 屏蔽 message items (domain.md §3.7, §6). The subject block is optional. Canonical names only. */
final class ShieldFields {

    static final FieldSpec SHIELD_ID = required("shieldId", TEXT, 64);               // 屏蔽编号
    static final FieldSpec TARGET_DATASET = required("targetDataset", ENUM, 0);
    static final FieldSpec TARGET_RECORD_ID = required("targetRecordId", TEXT, 64);
    static final FieldSpec TARGET_KEY = optional("targetBusinessKey", TEXT, 1024);
    static final FieldSpec CAUSE = required("cause", ENUM, 0);                       // 屏蔽原因
    static final FieldSpec EFFECTIVE_AT = required("effectiveAt", DATE_TIME, 0);     // 生效时间
    static final FieldSpec DECISION_REF = optional("decisionRef", TEXT, 256);        // 依据
    static final FieldSpec TARGETS = optional("targets", LIST, 64);                  // platform ids (max per item)
    static final FieldSpec SCOPE = optional("scope", ENUM, 0);                       // 屏蔽范围

    static final List<FieldSpec> ALL = List.of(SHIELD_ID, TARGET_DATASET, TARGET_RECORD_ID, TARGET_KEY, CAUSE,
            EFFECTIVE_AT, DECISION_REF, TARGETS, SCOPE);

    private ShieldFields() {
    }
}
