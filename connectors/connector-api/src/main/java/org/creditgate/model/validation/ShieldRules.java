package org.creditgate.model.validation;

import static org.creditgate.model.validation.ShieldFields.CAUSE;
import static org.creditgate.model.validation.ShieldFields.DECISION_REF;
import static org.creditgate.model.validation.ShieldFields.EFFECTIVE_AT;
import static org.creditgate.model.validation.ShieldFields.SHIELD_ID;
import static org.creditgate.model.validation.ShieldFields.SCOPE;
import static org.creditgate.model.validation.ShieldFields.TARGETS;
import static org.creditgate.model.validation.ShieldFields.TARGET_DATASET;
import static org.creditgate.model.validation.ShieldFields.TARGET_KEY;
import static org.creditgate.model.validation.ShieldFields.TARGET_RECORD_ID;

import java.time.OffsetDateTime;

import org.creditgate.model.Dataset;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Shield;
import org.creditgate.model.Subject;

/** 屏蔽 message rules (domain.md §3.7, §6); everything is in its field table {@link ShieldFields}. */
final class ShieldRules {

    private ShieldRules() {
    }

    static Shield read(RecordInput in, RecordMeta meta) {
        Subject subject = in.present(SubjectFields.CANONICAL.name) ? SubjectRules.read(in, SubjectFields.CANONICAL)
                : null;
        String shieldId = in.text(SHIELD_ID);
        Dataset target = in.choice(TARGET_DATASET, Vocabulary.DATASET);
        String targetRecordId = in.text(TARGET_RECORD_ID);
        String targetKey = in.text(TARGET_KEY);
        Shield.Cause cause = in.choice(CAUSE, Vocabulary.SHIELD_CAUSE);
        OffsetDateTime effectiveAt = in.dateTime(EFFECTIVE_AT);
        String decisionRef = in.text(DECISION_REF);
        java.util.List<String> targets = in.list(TARGETS);
        Shield.Scope scope = in.choice(SCOPE, Vocabulary.SHIELD_SCOPE);
        if (scope == Shield.Scope.PLATFORMS) {
            in.requireBecause(TARGETS, targets == null || targets.isEmpty() ? null : targets,
                    "when the scope is PLATFORMS (the platforms it takes effect on)");
        }
        return new Shield(meta, subject, shieldId, target, targetRecordId, targetKey, cause, effectiveAt, decisionRef,
                targets, scope);
    }
}
