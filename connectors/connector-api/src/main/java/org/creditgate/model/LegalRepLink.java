package org.creditgate.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.model.validation.ValidationIssue;

/**
 * Legal-representative linkage (法定代表人/主要负责人关联, domain.md §1 and §6.4): a serious 失信 of an organisation is
 * also recorded in the personal credit file of the person who represents it. For a 严重失信主体名单 (黑名单) entry or a
 * 严重失信 行政处罚 of a 法人及非法人组织 that names its legal representative with an ID number, the gateway derives a
 * <b>linked person record</b>: the same record with the person as subject, a {@link Relation} and the organisation
 * record's id ({@code linkedRecordId}). It is shared with the government platforms, never published (only
 * {@link org.creditgate.model.routing.UpstreamRouting.Regime#SHARING SHARING} targets take it), and every update and
 * shield of the organisation record cascades to it.
 *
 * <p>All rules of the linkage are here: which records link ({@link #qualifies}), what the linked record is
 * ({@link #derive}), its id and its shields' ids (both derived, so that deriving twice gives the same record and
 * the same shield: the cascade is idempotent), and the consistency of the link fields ({@link #check}).
 */
public final class LegalRepLink {

    /** 关联关系: the person's role in the organisation. */
    public enum Relation {
        /** 法定代表人. */
        LEGAL_REPRESENTATIVE("法定代表人"),
        /** 主要负责人 (非法人组织). */
        PRINCIPAL("主要负责人");

        private final String label;

        Relation(String label) {
            this.label = label;
        }

        /** The national label. */
        public String label() {
            return label;
        }
    }

    /** Default 证件类型 of the person when the organisation record gives the number without its type. */
    static final String ID_CARD = "身份证";
    /** 证件类型 of a number given without its type that is no 公民身份号码 (an "其他-" type, domain.md §3.1). */
    static final String UNDECLARED_ID_TYPE = "其他-未注明";
    /** Why a linked 行政处罚 carries publish = N (audited like any exclusion from 双公示). */
    public static final String NOT_PUBLISHED_REASON = "法定代表人关联记录：仅共享，不公示 (个人隐私)";
    private static final String SHIELD_PREFIX = "GW-LR-";
    private static final int MAX_ID = 64;

    private LegalRepLink() {
    }

    /**
     * Whether this record of an organisation links its legal representative: a BLACK list entry or a 严重失信
     * penalty of a 法人及非法人组织 that names the representative and the representative's ID number. Never a linked
     * record itself, and never an 个体工商户 (its 经营者 is the subject already) or a 自然人.
     */
    public static boolean qualifies(CreditRecord record) {
        if (isLinked(record) || record.subject() == null
                || record.subject().subjectCategory() != SubjectCategory.LEGAL_ENTITY
                || blank(record.subject().legalRep()) || blank(record.subject().legalRepIdNo())) {
            return false;
        }
        return record instanceof ListEntry l && l.listKind() == ListEntry.Kind.BLACK
                || record instanceof Penalty p && p.severity() == Penalty.Severity.SERIOUS;
    }

    /** Whether the record is a linked person record (it carries a relation). */
    public static boolean isLinked(CreditRecord record) {
        return relationOf(record) != null;
    }

    /** The organisation record a linked record was derived from; empty for every other record. */
    public static Optional<String> organisationRecordId(CreditRecord record) {
        if (record instanceof Penalty p && p.relation() != null) {
            return Optional.ofNullable(p.linkedRecordId());
        }
        if (record instanceof ListEntry l && l.relation() != null) {
            return Optional.ofNullable(l.linkedRecordId());
        }
        return Optional.empty();
    }

    /** The gateway record id of the person record linked to an organisation record: derived, never stored apart. */
    public static String linkedRecordId(String organisationRecordId) {
        return UUID.nameUUIDFromBytes(("legal-rep|" + organisationRecordId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The id of the shield that cascades an organisation record's shield to its linked record: {@code GW-LR-} and the
     * organisation shield's id (a name-based UUID of it when that would exceed the 64 characters of a shield id).
     */
    public static String linkedShieldId(String organisationShieldId) {
        String readable = SHIELD_PREFIX + organisationShieldId;
        return readable.length() <= MAX_ID ? readable : SHIELD_PREFIX + UUID.nameUUIDFromBytes(
                organisationShieldId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The linked person record of a qualifying organisation record (which must carry its gateway recordId): the
     * same data with the legal representative as a 自然人 subject, the relation, and the organisation record's id. A
     * 行政处罚 is marked not publishable ({@link #NOT_PUBLISHED_REASON}).
     *
     * @param op the op the linked version carries (ADD for a new link, UPDATE or DELETE to follow the organisation)
     * @throws IllegalArgumentException when the record does not {@link #qualifies qualify} or has no recordId
     */
    public static CreditRecord derive(CreditRecord organisation, Op op) {
        if (!qualifies(organisation) || organisation.meta() == null || blank(organisation.meta().recordId())) {
            throw new IllegalArgumentException("no legal-representative link for " + organisation.dataset() + " "
                    + (organisation.meta() == null ? null : organisation.meta().recordId()));
        }
        String orgId = organisation.meta().recordId();
        RecordMeta meta = new RecordMeta(linkedRecordId(orgId), 0, op);
        Subject person = person(organisation.subject());
        if (organisation instanceof Penalty p) {
            return new Penalty(meta, person, p.decisionDocNo(), p.violationType(), p.facts(), p.legalBasis(),
                    p.penaltyKinds(), p.content(), p.fineAmount(), p.confiscatedAmount(), p.suspendedLicense(),
                    p.decisionDate(), p.effectiveUntil(), p.publishUntil(), p.authorityName(), p.authorityUscc(),
                    p.sourceUnit(), p.sourceUnitUscc(), p.remark(), p.procedure(), p.severity(), Boolean.FALSE,
                    NOT_PUBLISHED_REASON, Relation.LEGAL_REPRESENTATIVE, orgId);
        }
        ListEntry l = (ListEntry) organisation;
        return new ListEntry(meta, person, l.listKind(), l.listName(), l.reason(), l.basis(), l.basisDocNo(),
                l.decidingUnit(), l.decidingUnitUscc(), l.listedOn(), l.listedUntil(), l.removedOn(),
                l.removalReason(), l.measureCodes(), Relation.LEGAL_REPRESENTATIVE, orgId);
    }

    /**
     * A canonical record as a flat submission (the form ingest validates): the canonical names at the top level,
     * the subject block lifted out of {@code subject}, lists of labels joined by ';' and the control keys
     * {@code dataset}, {@code op} and {@code recordId}. Validating it gives back the same record.
     */
    public static ObjectNode submission(CreditRecord record) {
        ObjectNode tree = CanonicalJson.mapper().valueToTree(record);
        tree.remove("meta");
        JsonNode subject = tree.remove("subject");
        if (subject != null) {
            subject.fields().forEachRemaining(e -> tree.set(e.getKey(), e.getValue()));
        }
        JsonNode kinds = tree.get("penaltyKinds");
        if (kinds != null && kinds.isArray()) {
            List<String> labels = new ArrayList<>();
            kinds.forEach(k -> labels.add(k.asText()));
            tree.put("penaltyKinds", String.join(";", labels));
        }
        tree.put("dataset", record.dataset().name());
        tree.put("op", record.meta().op().name());
        tree.put("recordId", record.meta().recordId());
        return tree;
    }

    /**
     * The consistency of the link fields of a submitted record: relation and linkedRecordId come together, and only
     * on a 自然人's 行政处罚 or 名单 entry.
     *
     * @return the errors (E_COND_REQUIRED, E_SUBJECT_CONFLICT), named by the canonical field names
     */
    public static List<ValidationIssue> check(Subject subject, Relation relation, String linkedRecordId) {
        List<ValidationIssue> out = new ArrayList<>();
        if (relation != null && blank(linkedRecordId)) {
            out.add(new ValidationIssue("E_COND_REQUIRED", "linkedRecordId", "linkedRecordId (the organisation "
                    + "record) is required with relation " + relation.label()));
        }
        if (relation == null && !blank(linkedRecordId)) {
            out.add(new ValidationIssue("E_COND_REQUIRED", "relation", "relation (法定代表人 / 主要负责人) is required "
                    + "with linkedRecordId"));
        }
        if (relation != null && subject != null && subject.subjectCategory() != null
                && subject.subjectCategory() != SubjectCategory.NATURAL_PERSON) {
            out.add(new ValidationIssue("E_SUBJECT_CONFLICT", "relation", "a linked record (relation "
                    + relation.label() + ") is about a 自然人, not a " + subject.subjectCategory().label()));
        }
        return out;
    }

    private static Relation relationOf(CreditRecord record) {
        if (record instanceof Penalty p) {
            return p.relation();
        }
        if (record instanceof ListEntry l) {
            return l.relation();
        }
        return null;
    }

    private static Subject person(Subject org) {
        // the organisation's record may give the number without its type; only a number that is a valid 公民身份号码
        // is taken for one, anything else stays an undeclared document rather than an invalid 身份证
        String idType = !blank(org.legalRepIdType()) ? org.legalRepIdType()
                : PublicProjection.isCitizenId(org.legalRepIdNo()) ? ID_CARD : UNDECLARED_ID_TYPE;
        return new Subject(org.legalRep(), SubjectCategory.NATURAL_PERSON, null, null, null, null, null, null, null,
                null, null, idType, org.legalRepIdNo());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
