package org.creditgate.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One version of one piece of credit information (公共信用信息), in canonical form: English names, normalised values,
 * ISO dates. Immutable. Its JSON form carries a {@code dataset} property naming the type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "dataset")
@JsonSubTypes({
    @JsonSubTypes.Type(value = License.class, name = "LICENSE"),
    @JsonSubTypes.Type(value = Penalty.class, name = "PENALTY"),
    @JsonSubTypes.Type(value = ListEntry.class, name = "LIST"),
    @JsonSubTypes.Type(value = DishonestExecutee.class, name = "DISHONEST_EXECUTEE"),
    @JsonSubTypes.Type(value = Commitment.class, name = "COMMITMENT"),
    @JsonSubTypes.Type(value = Repair.class, name = "REPAIR"),
    @JsonSubTypes.Type(value = Objection.class, name = "OBJECTION"),
    @JsonSubTypes.Type(value = Shield.class, name = "SHIELD"),
    @JsonSubTypes.Type(value = JointFeedback.class, name = "JOINT_FEEDBACK")
})
public sealed interface CreditRecord
        permits License, Penalty, ListEntry, DishonestExecutee, Commitment, Repair, Objection, Shield, JointFeedback {

    Dataset dataset();

    RecordMeta meta();

    CreditRecord withMeta(RecordMeta meta);

    /** The subject the record is about; null for messages that carry none. */
    Subject subject();

    /**
     * The dataset's business key (domain.md §4): what makes two submissions "the same record". Subjects appear by
     * {@link Subject#key()}, so the key never contains a personal ID number.
     */
    String businessKey();

    /** Key that orders all messages of one subject (message group). */
    default String subjectKey() {
        return SubjectKeys.of(subject());
    }

    /** Joins business key parts with a separator that no part contains after normalisation. */
    static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(p == null ? "" : p);
        }
        return b.toString();
    }
}
