package org.creditgate.model.validation;

import static org.creditgate.model.validation.ObjectionFields.APPLICANT;
import static org.creditgate.model.validation.ObjectionFields.CLAIM;
import static org.creditgate.model.validation.ObjectionFields.CORRECTED_VERSION;
import static org.creditgate.model.validation.ObjectionFields.FORWARDED_ON;
import static org.creditgate.model.validation.ObjectionFields.OBJECTION_ID;
import static org.creditgate.model.validation.ObjectionFields.PROVIDER;
import static org.creditgate.model.validation.ObjectionFields.PROVIDER_USCC;
import static org.creditgate.model.validation.ObjectionFields.RESULT;
import static org.creditgate.model.validation.ObjectionFields.RESULT_ON;
import static org.creditgate.model.validation.ObjectionFields.SUBMITTED_ON;
import static org.creditgate.model.validation.ObjectionFields.TARGET_DATASET;
import static org.creditgate.model.validation.ObjectionFields.TARGET_RECORD_ID;

import java.time.LocalDate;

import org.creditgate.model.Dataset;
import org.creditgate.model.Objection;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 异议 rules (domain.md §3.7) beyond its field table {@link ObjectionFields}, incl. the verification deadline. */
final class ObjectionRules {

    private ObjectionRules() {
    }

    static Objection read(RecordInput in, RecordMeta meta) {
        Subject subject = in.present(SubjectFields.CANONICAL.name) ? SubjectRules.read(in, SubjectFields.CANONICAL)
                : null;
        String objectionId = in.text(OBJECTION_ID);
        Dataset target = in.choice(TARGET_DATASET, Vocabulary.DATASET);
        String targetRecordId = in.text(TARGET_RECORD_ID);
        String applicant = in.text(APPLICANT);
        String claim = in.text(CLAIM);
        LocalDate submittedOn = in.date(SUBMITTED_ON);
        LocalDate forwardedOn = in.date(FORWARDED_ON);
        String provider = in.text(PROVIDER);
        String providerUscc = in.uscc(PROVIDER_USCC);
        Objection.Result result = in.choice(RESULT, Vocabulary.OBJECTION_RESULT);
        LocalDate resultOn = in.date(RESULT_ON);
        Integer corrected = in.integer(CORRECTED_VERSION, 1, Integer.MAX_VALUE);

        if (result != null) {
            in.requireBecause(RESULT_ON, resultOn, "when a result is given");
        }
        if (result == Objection.Result.CORRECTED) {
            in.requireBecause(CORRECTED_VERSION, corrected, "when the result is 更正 (the corrected version)");
        }
        DateRules.notAfterReceipt(in, submittedOn, SUBMITTED_ON);
        DateRules.notAfterReceipt(in, resultOn, RESULT_ON);
        DateRules.order(in, submittedOn, SUBMITTED_ON, forwardedOn, FORWARDED_ON);
        DateRules.order(in, forwardedOn == null ? submittedOn : forwardedOn,
                forwardedOn == null ? SUBMITTED_ON : FORWARDED_ON, resultOn, RESULT_ON);
        // computed, never taken from the sender: the deadline is the gateway's to enforce
        LocalDate dueOn = forwardedOn == null ? null
                : ObjectionLifecycle.dueOn(in.ctx.calendar(), forwardedOn);
        return new Objection(meta, subject, objectionId, target, targetRecordId, applicant, claim, submittedOn,
                forwardedOn, provider, providerUscc, dueOn, result, resultOn, corrected);
    }
}
