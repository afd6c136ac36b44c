package org.creditgate.model.validation;

import static org.creditgate.model.validation.FieldSpec.Kind.ENUM;
import static org.creditgate.model.validation.FieldSpec.Kind.TEXT;
import static org.creditgate.model.validation.FieldSpec.optional;

import java.util.List;

import org.creditgate.model.LegalRepLink;
import org.creditgate.model.Subject;

/**
 * The link items of a person record derived from an organisation's (gateway fields, domain.md §6.4; the rules are
 * {@link LegalRepLink}'s). Shared by 行政处罚 and 名单 entries.
 */
final class LinkFields {

    static final FieldSpec RELATION = optional("relation", ENUM, 0);              // 关联关系
    static final FieldSpec LINKED_RECORD_ID = optional("linkedRecordId", TEXT, 64); // 关联的主体记录

    static final List<FieldSpec> ALL = List.of(RELATION, LINKED_RECORD_ID);

    private LinkFields() {
    }

    /** The link as read (null members when absent), after {@link LegalRepLink#check} reported what is wrong. */
    record Link(LegalRepLink.Relation relation, String linkedRecordId) {
    }

    static Link read(RecordInput in, Subject subject) {
        boolean given = in.node.hasNonNull(RELATION.id());
        LegalRepLink.Relation relation = in.choice(RELATION, Vocabulary.RELATION);
        String linked = in.text(LINKED_RECORD_ID);
        if (relation != null || !given) {
            // an unknown relation label is already E_ENUM; "relation missing" would only repeat it
            LegalRepLink.check(subject, relation, linked).forEach(i -> in.issues.error(i.code(), i.field(),
                    i.message()));
        }
        return new Link(relation, linked);
    }
}
