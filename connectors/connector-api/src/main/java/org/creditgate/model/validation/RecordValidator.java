package org.creditgate.model.validation;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.Op;
import org.creditgate.model.RecordMeta;

/**
 * Validates one submitted record against every rule of domain.md §2 and §4 that needs no stored state, collecting
 * all findings, and builds the canonical record when there is no error. Stateless and thread-safe.
 *
 * <p>Control keys next to the data items: {@code dataset} (optional when XK_/CF_ codes say it), {@code op} (ADD by
 * default), {@code recordId} and {@code version} (optional).
 */
public final class RecordValidator {

    public ValidationOutcome validate(JsonNode input, ValidationContext ctx) {
        Issues issues = new Issues();
        if (input == null || !input.isObject()) {
            issues.error("E_FORMAT", "", "a record must be a JSON object");
            return new ValidationOutcome(null, null, issues.errors, issues.warnings);
        }
        Dataset dataset = dataset(input, issues);
        RecordInput in = new RecordInput(input, prefix(dataset), issues, ctx);
        Op op = in.choice("op", null, false, OPS);
        String recordId = in.text("recordId", null, 64, false);
        Integer version = version(in);
        if (dataset == null) {
            return new ValidationOutcome(null, null, issues.errors, issues.warnings);
        }
        RecordMeta meta = new RecordMeta(recordId, version == null ? 0 : version, op == null ? Op.ADD : op);
        CreditRecord record = switch (dataset) {
            case LICENSE -> LicenseRules.read(in, meta);
            case PENALTY -> PenaltyRules.read(in, meta);
            case LIST -> ListRules.read(in, meta);
            case DISHONEST_EXECUTEE -> ExecuteeRules.read(in, meta);
            case COMMITMENT -> CommitmentRules.read(in, meta);
            case REPAIR -> MessageRules.repair(in, meta);
            case OBJECTION -> MessageRules.objection(in, meta);
            case SHIELD -> MessageRules.shield(in, meta);
            case JOINT_FEEDBACK -> MessageRules.feedback(in, meta);
        };
        return new ValidationOutcome(dataset, issues.hasErrors() ? null : record, issues.errors, issues.warnings);
    }

    private static final Choice<Op> OPS = Choice.<Op>of("op").add(Op.ADD, "新增").add(Op.UPDATE, "变更", "更正")
            .add(Op.DELETE, "删除", "撤销");

    private static Dataset dataset(JsonNode input, Issues issues) {
        JsonNode given = input.get("dataset");
        if (given != null && !given.isNull() && !given.asText().isBlank()) {
            Dataset d = Vocabulary.DATASET.find(Normalizer.code(given.asText()));
            if (d == null) {
                issues.error("E_ENUM", "dataset", "dataset \"" + given.asText() + "\" is not one of "
                        + Vocabulary.DATASET.allowed());
            }
            return d;
        }
        for (Iterator<String> it = input.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (key.startsWith(LicenseRules.PREFIX)) {
                return Dataset.LICENSE;
            }
            if (key.startsWith(PenaltyRules.PREFIX)) {
                return Dataset.PENALTY;
            }
        }
        issues.error("E_REQUIRED", "dataset", "dataset is missing and the record has no XK_ (行政许可) or CF_ (行政处罚) "
                + "field codes to tell it; give \"dataset\": " + Vocabulary.DATASET.allowed());
        return null;
    }

    private static String prefix(Dataset d) {
        return d == Dataset.LICENSE ? LicenseRules.PREFIX : d == Dataset.PENALTY ? PenaltyRules.PREFIX : null;
    }

    private static Integer version(RecordInput in) {
        String v = in.code("version", null, 9, false);
        if (v == null) {
            return null;
        }
        if (!v.matches("[1-9]\\d{0,8}")) {
            in.issues.error("E_FORMAT", "version", "version \"" + v + "\" must be a whole number ≥ 1");
            return null;
        }
        return Integer.valueOf(v);
    }
}
