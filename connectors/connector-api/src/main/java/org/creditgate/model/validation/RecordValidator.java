package org.creditgate.model.validation;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.Op;
import org.creditgate.model.RecordMeta;

/**
 * Validates one submitted record against every rule of domain.md §2 and §4 that needs no stored state, collecting
 * all findings, and builds the canonical record when there is no error. Stateless: one instance serves every
 * thread.
 *
 * <p>The input is one flat JSON object as the department sent it. Data items are keyed by their national 双公示
 * codes (XK_… / CF_…, BZ) or by their canonical names; unknown keys are ignored. Control keys: {@code dataset}
 * (optional when XK_/CF_ codes say it), {@code op} (ADD by default), {@code recordId} and {@code version}.
 */
public final class RecordValidator {

    public ValidationOutcome validate(JsonNode input, ValidationContext ctx) {
        Issues issues = new Issues();
        if (input == null || !input.isObject()) {
            issues.error("E_FORMAT", "", "a record must be a JSON object");
            return new ValidationOutcome(null, null, issues.errors, issues.warnings);
        }
        Dataset dataset = dataset(input, issues);
        RecordInput in = new RecordInput(input, nationalPrefix(dataset), issues, ctx);
        Op op = in.choice(ControlFields.OP, Vocabulary.OP);
        String recordId = in.text(ControlFields.RECORD_ID);
        Integer version = in.integer(ControlFields.VERSION, 1, Integer.MAX_VALUE);
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
            case REPAIR -> RepairRules.read(in, meta);
            case OBJECTION -> ObjectionRules.read(in, meta);
            case SHIELD -> ShieldRules.read(in, meta);
            case JOINT_FEEDBACK -> FeedbackRules.read(in, meta);
        };
        return new ValidationOutcome(dataset, issues.hasErrors() ? null : record, issues.errors, issues.warnings);
    }

    /** The given {@code dataset}, else the one the national field codes imply, else E_REQUIRED. */
    private static Dataset dataset(JsonNode input, Issues issues) {
        JsonNode given = input.get(ControlFields.DATASET.id());
        if (given != null && !given.isNull() && !given.asText().isBlank()) {
            Dataset d = Vocabulary.DATASET.find(Normalizer.code(given.asText()));
            if (d == null) {
                // quoted clipped like every other value: the sender's text may be anything, of any length
                String text = given.asText();
                issues.error("E_ENUM", "dataset", "dataset \"" + (text.length() <= 64 ? text : text.substring(0, 64)
                        + "…") + "\" is not one of " + Vocabulary.DATASET.allowed());
            }
            return d;
        }
        for (Iterator<String> it = input.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (key.startsWith(LicenseFields.PREFIX)) {
                return Dataset.LICENSE;
            }
            if (key.startsWith(PenaltyFields.PREFIX)) {
                return Dataset.PENALTY;
            }
        }
        issues.error("E_REQUIRED", "dataset", "dataset is missing and the record has no XK_ (行政许可) or CF_ (行政处罚) "
                + "field codes to tell it; give \"dataset\": " + Vocabulary.DATASET.allowed());
        return null;
    }

    private static String nationalPrefix(Dataset d) {
        return d == Dataset.LICENSE ? LicenseFields.PREFIX : d == Dataset.PENALTY ? PenaltyFields.PREFIX : null;
    }
}
