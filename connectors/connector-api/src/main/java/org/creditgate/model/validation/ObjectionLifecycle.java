package org.creditgate.model.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.creditgate.model.Objection;
import org.creditgate.model.calendar.WorkingDayCalendar;

/**
 * 异议处理 (objection workflow) rules that need the ledger's state, domain.md §1, §3.7, §5.2, §6.2. The ledger
 * supplies what it knows; the rules stay here, next to {@link LifecycleRules}.
 *
 * <p>An OBJECTION record without a result opens the objection: its target gets the OBJECTION_PENDING overlay (joint
 * punishment suspended, still shared and published with the label) until the provider answers with the same
 * objectionId and a result (an UPDATE of the objection record): CONFIRMED clears the flag, CORRECTED names the
 * corrected version of the target (sent as an UPDATE of the target first), REVOKED shields the target.
 *
 * <p>One pending objection per record: a second objection for a record that already has one pending is refused
 * (E_STATE naming the pending one). The suspension and the 20-working-day clock belong to the record, not to the
 * applicant; accepting a second one would either restart the clock — so that chained objections keep punishment
 * suspended indefinitely — or duplicate a verification the provider is already doing. The city credit office adds
 * the further claim to the pending objection, or opens a new one after its result.
 */
public final class ObjectionLifecycle {

    /** The provider verifies within 20 working days of being notified (domain.md §1, §5.2). */
    public static final int VERIFICATION_WORKING_DAYS = 20;

    /** Senders that act for the city credit office (operator API) rather than as a department. */
    public static final String OPERATOR_PREFIX = "operator:";

    /**
     * What the ledger knows about an objection.
     *
     * @param targetVersion the version of the target that was contested
     * @param status        PENDING, CONFIRMED, CORRECTED or REVOKED
     */
    public record ObjectionView(String objectionId, String targetRecordId, int targetVersion, String status) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    private ObjectionLifecycle() {
    }

    /**
     * 核实期限: the 20th working day after the provider was notified (the day itself not counted, domain.md §5.1);
     * the deadline is the end of that day in business time.
     */
    public static LocalDate dueOn(WorkingDayCalendar calendar, LocalDate forwardedOn) {
        return calendar.plusWorkingDays(forwardedOn, VERIFICATION_WORKING_DAYS);
    }

    /**
     * The day the provider was notified: the record's forwardedOn, or — when the sender left it out because the
     * gateway notifies the provider itself — the day the gateway accepted the objection.
     */
    public static LocalDate forwardedOn(Objection objection, LocalDate acceptedOn) {
        return objection.forwardedOn() != null ? objection.forwardedOn() : acceptedOn;
    }

    /** Overdue once the due day has ended in business time without a result (stays suspended, escalated). */
    public static boolean overdue(LocalDate dueOn, Instant now, ZoneId zone) {
        return !now.isBefore(dueOn.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Whether an objection record may be accepted given the ledger's state; empty when it may.
     *
     * @param incoming        the valid OBJECTION record
     * @param target          the head of the record it contests (the caller has checked it exists)
     * @param identical       the record is identical to its objection record's current version (an idempotent
     *                        resend: always allowed, answered ALREADY_ACCEPTED)
     * @param sender          the department id or {@code operator:<name>} that sent it
     * @param provider        the department that provided the target (it verifies)
     * @param known           the objection with this objectionId, if the gateway has it
     * @param pendingOnTarget the objection pending on the target, if any
     */
    public static Optional<ValidationIssue> check(Objection incoming, HeadView target, boolean identical, String sender,
            String provider, Optional<ObjectionView> known, Optional<ObjectionView> pendingOnTarget) {
        if (identical) {
            return Optional.empty();
        }
        String id = incoming.objectionId();
        if (known.isPresent() && !known.get().targetRecordId().equals(incoming.targetRecordId())) {
            return issue("E_STATE", "targetRecordId", "objection " + id + " contests record "
                    + known.get().targetRecordId() + ", not " + incoming.targetRecordId());
        }
        if (incoming.result() == null) {
            return checkOpening(incoming, target, known, pendingOnTarget);
        }
        if (known.isEmpty()) {
            return issue("E_UNKNOWN_RECORD", "objectionId", "result for objection " + id + ", which the gateway never "
                    + "opened; open it first (an OBJECTION without result)");
        }
        if (!known.get().pending()) {
            return issue("E_STATE", "result", "objection " + id + " was already verified (" + known.get().status()
                    + "); a further correction or revocation of the record is sent as UPDATE or SHIELD");
        }
        if (!sender.equals(provider) && !sender.startsWith(OPERATOR_PREFIX)) {
            return issue("E_NOT_PROVIDER", "result", "the result of objection " + id + " comes from the providing "
                    + "department " + provider + " (or the city credit office), not from " + sender);
        }
        if (incoming.result() == Objection.Result.CORRECTED) {
            int corrected = incoming.correctedRecordVersion();
            if (corrected > target.currentVersion()) {
                return issue("E_UNKNOWN_VERSION", "correctedRecordVersion", "record " + target.recordId()
                        + " has no version " + corrected + " (current is " + target.currentVersion() + "); send the "
                        + "corrected record as UPDATE first, then the result naming its version");
            }
            if (corrected <= known.get().targetVersion()) {
                return issue("E_STATE", "correctedRecordVersion", "version " + corrected + " is not a correction: "
                        + "objection " + id + " contests version " + known.get().targetVersion());
            }
        }
        return Optional.empty();
    }

    private static Optional<ValidationIssue> checkOpening(Objection incoming, HeadView target,
            Optional<ObjectionView> known, Optional<ObjectionView> pendingOnTarget) {
        String id = incoming.objectionId();
        if (known.isPresent()) {
            // a change to a pending opening (e.g. a corrected claim) is fine; re-opening a verified one is not
            return known.get().pending() ? Optional.empty() : issue("E_STATE", "result", "objection " + id
                    + " was already verified (" + known.get().status() + "); a new objection needs its own objectionId");
        }
        if (target.shielded()) {
            return issue("E_STATE", "targetRecordId", "record " + target.recordId() + " is shielded (no longer "
                    + "published or used for punishment): there is nothing left to object to");
        }
        if (pendingOnTarget.isPresent()) {
            return issue("E_STATE", "targetRecordId", "objection " + pendingOnTarget.get().objectionId()
                    + " is already pending for record " + target.recordId() + "; add this claim to it, or open a new "
                    + "objection after its result");
        }
        return Optional.empty();
    }

    private static Optional<ValidationIssue> issue(String code, String field, String message) {
        return Optional.of(new ValidationIssue(code, field, message));
    }
}
