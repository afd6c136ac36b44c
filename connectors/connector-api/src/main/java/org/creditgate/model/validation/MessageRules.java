package org.creditgate.model.validation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.creditgate.model.Dataset;
import org.creditgate.model.JointFeedback;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Objection;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;
import org.creditgate.model.Subject;

/** The messages of domain.md §3.7: repair, objection, shield and joint-feedback. */
final class MessageRules {

    /** Objection verification period (domain.md §1, §5.2). */
    static final int OBJECTION_WORKING_DAYS = 20;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private MessageRules() {
    }

    static Repair repair(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, null);
        String repairId = in.text("repairId", null, 64, true);
        Dataset target = in.choice("targetDataset", null, true, Vocabulary.DATASET);
        String targetRecordId = in.text("targetRecordId", null, 64, true);
        Repair.Mode mode = in.choice("repairMode", null, true, Vocabulary.REPAIR_MODE);
        LocalDate appliedOn = in.date("appliedOn", null, true);
        LocalDate acceptedOn = in.date("acceptedOn", null, false);
        LocalDate decidedOn = in.date("decidedOn", null, false);
        Repair.Decision decision = in.choice("decision", null, false, Vocabulary.REPAIR_DECISION);
        boolean decided = decision != null;
        String unit = in.text("decidingUnit", null, 200, decided);
        String unitUscc = decided || in.present("decidingUnitUscc", null) ? in.uscc("decidingUnitUscc", null, decided) : null;
        if (decided && decidedOn == null && !in.issues.failed("decidedOn")) {
            in.issues.error("E_COND_REQUIRED", "decidedOn", "decidedOn is required when a decision is given");
        }
        Boolean finePaid = in.choice("finePaid", null, false, Vocabulary.YES_NO);
        String commitmentCode = in.code("commitmentCode", null, 20, false);
        String evidence = in.text("correctionEvidence", null, 2000, false);
        String rejectReason = in.text("rejectReason", null, 2000, decision == Repair.Decision.REJECTED);
        in.notAfterReceipt(appliedOn, "appliedOn", null);
        in.notAfterReceipt(decidedOn, "decidedOn", null);
        in.order(appliedOn, "appliedOn", null, acceptedOn, "acceptedOn", null);
        in.order(acceptedOn == null ? appliedOn : acceptedOn, acceptedOn == null ? "appliedOn" : "acceptedOn", null,
                decidedOn, "decidedOn", null);
        return new Repair(meta, subject, repairId, target, targetRecordId, mode, appliedOn, acceptedOn, decidedOn,
                decision, unit, unitUscc, finePaid, commitmentCode, evidence, rejectReason);
    }

    static Objection objection(RecordInput in, RecordMeta meta) {
        Subject subject = in.present("subjectName", null) ? SubjectRules.read(in, null) : null;
        String objectionId = in.text("objectionId", null, 64, true);
        Dataset target = in.choice("targetDataset", null, true, Vocabulary.DATASET);
        String targetRecordId = in.text("targetRecordId", null, 64, true);
        String applicant = in.text("applicant", null, 200, true);
        String claim = in.text("claim", null, 4000, true);
        LocalDate submittedOn = in.date("submittedOn", null, true);
        LocalDate forwardedOn = in.date("forwardedOn", null, false);
        String provider = in.text("providerUnit", null, 200, true);
        String providerUscc = in.uscc("providerUnitUscc", null, true);
        Objection.Result result = in.choice("result", null, false, Vocabulary.OBJECTION_RESULT);
        LocalDate resultOn = in.date("resultOn", null, result != null);
        Integer corrected = null;
        if (result == Objection.Result.CORRECTED) {
            String v = in.code("correctedRecordVersion", null, 9, true);
            if (v != null && v.matches("[1-9]\\d{0,8}")) {
                corrected = Integer.valueOf(v);
            } else if (v != null) {
                in.issues.error("E_FORMAT", "correctedRecordVersion", "correctedRecordVersion \"" + v
                        + "\" is not a version number");
            }
        }
        in.notAfterReceipt(submittedOn, "submittedOn", null);
        in.order(submittedOn, "submittedOn", null, forwardedOn, "forwardedOn", null);
        in.order(forwardedOn == null ? submittedOn : forwardedOn, forwardedOn == null ? "submittedOn" : "forwardedOn",
                null, resultOn, "resultOn", null);
        // the provider has 20 working days from being notified; computed, never taken from the sender
        LocalDate dueOn = forwardedOn == null ? null : in.ctx.calendar().plusWorkingDays(forwardedOn, OBJECTION_WORKING_DAYS);
        return new Objection(meta, subject, objectionId, target, targetRecordId, applicant, claim, submittedOn,
                forwardedOn, provider, providerUscc, dueOn, result, resultOn, corrected);
    }

    static Shield shield(RecordInput in, RecordMeta meta) {
        Subject subject = in.present("subjectName", null) ? SubjectRules.read(in, null) : null;
        String shieldId = in.text("shieldId", null, 64, true);
        Dataset target = in.choice("targetDataset", null, true, Vocabulary.DATASET);
        String targetRecordId = in.text("targetRecordId", null, 64, true);
        String targetKey = in.text("targetBusinessKey", null, 1024, false);
        Shield.Cause cause = in.choice("cause", null, true, Vocabulary.SHIELD_CAUSE);
        OffsetDateTime effectiveAt = instant(in, "effectiveAt");
        String decisionRef = in.text("decisionRef", null, 256, false);
        return new Shield(meta, subject, shieldId, target, targetRecordId, targetKey, cause, effectiveAt, decisionRef,
                in.list("targets", null));
    }

    static JointFeedback feedback(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, null);
        String period = in.code("period", null, 7, true);
        if (period != null && !period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            in.issues.error("E_FORMAT", "period", "period \"" + period + "\" must be a month YYYY-MM");
            period = null;
        }
        String unit = in.text("reportingUnit", null, 200, true);
        String unitUscc = in.uscc("reportingUnitUscc", null, true);
        JointFeedback.Role role = in.choice("role", null, true, Vocabulary.FEEDBACK_ROLE);
        ListEntry.Kind kind = in.choice("listKind", null, true, Vocabulary.LIST_KIND);
        String listRecordId = in.text("listRecordId", null, 64, true);
        String measure = in.code("measureCode", null, 64, true);
        LocalDate appliedOn = in.date("appliedOn", null, true);
        String item = in.text("businessItem", null, 200, true);
        String outcome = in.text("outcome", null, 2000, true);
        in.notAfterReceipt(appliedOn, "appliedOn", null);
        return new JointFeedback(meta, subject, period, unit, unitUscc, role, kind, listRecordId, measure, appliedOn,
                item, outcome);
    }

    /** An instant with offset (ISO-8601), or a date meaning its start in Beijing time. */
    private static OffsetDateTime instant(RecordInput in, String field) {
        if (!in.present(field, null) || Normalizer.code(in.node.get(field).asText()).length() <= 10) {
            LocalDate d = in.date(field, null, true);
            return d == null ? null : d.atStartOfDay().atOffset(CHINA);
        }
        String v = in.code(field, null, 40, true);
        try {
            return v == null ? null : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            in.issues.error("E_DATE_FORMAT", field, field + " \"" + v + "\" is not a date-time with offset, "
                    + "e.g. 2026-11-20T09:30:00+08:00");
            return null;
        }
    }
}
