package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.Objection;
import org.creditgate.model.validation.ObjectionLifecycle.ObjectionView;
import org.junit.jupiter.api.Test;

/** Who may open, answer and correct an objection, given what the ledger holds (domain.md §3.7, §6.2). */
class ObjectionLifecycleTest {

    private static final String TARGET = "5b7c8e1a-0000-5000-8000-000000000001";
    private static final HeadView HEAD = new HeadView(TARGET, 3, "h3", false);
    private static final ObjectionView PENDING = new ObjectionView("YY-2026-0007", TARGET, 1, "PENDING");

    private static Objection opening() {
        return (Objection) Fixtures.validate(Fixtures.objection().without(List.of("result", "resultOn"))).record();
    }

    private static Objection result(String result, Integer corrected) {
        ObjectNode r = Fixtures.objection().put("op", "UPDATE").put("result", result);
        if (corrected != null) {
            r.put("correctedRecordVersion", corrected);
        }
        return (Objection) Fixtures.validate(r).record();
    }

    private static Optional<ValidationIssue> check(Objection o, HeadView head, String sender,
            Optional<ObjectionView> known, Optional<ObjectionView> pendingOnTarget) {
        return ObjectionLifecycle.check(o, head, false, sender, "scjgj", known, pendingOnTarget);
    }

    @Test
    void anOpeningForAPublishedRecordWithoutPendingObjectionIsAccepted() {
        assertThat(check(opening(), HEAD, "operator:xyb", Optional.empty(), Optional.empty())).isEmpty();
        assertThat(check(opening(), HEAD, "xyb", Optional.empty(), Optional.empty())).as("a department may open too")
                .isEmpty();
    }

    @Test
    void anOpeningForAShieldedRecordIsAStateError() {
        assertThat(check(opening(), new HeadView(TARGET, 3, "h3", true), "operator:xyb", Optional.empty(),
                Optional.empty())).get().extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly("E_STATE", "targetRecordId");
    }

    @Test
    void aSecondObjectionWhileOneIsPendingIsRefusedNamingThePendingOne() {
        ObjectionView other = new ObjectionView("YY-2026-0001", TARGET, 1, "PENDING");
        assertThat(check(opening(), HEAD, "operator:xyb", Optional.empty(), Optional.of(other))).get()
                .satisfies(i -> {
                    assertThat(i.code()).isEqualTo("E_STATE");
                    assertThat(i.message()).contains("YY-2026-0001", "already pending");
                });
    }

    @Test
    void aChangedOpeningOfThePendingObjectionIsAcceptedButAVerifiedOneIsNotReopened() {
        assertThat(check(opening(), HEAD, "operator:xyb", Optional.of(PENDING), Optional.of(PENDING))).isEmpty();
        assertThat(check(opening(), HEAD, "operator:xyb", Optional.of(new ObjectionView("YY-2026-0007", TARGET, 1,
                "CONFIRMED")), Optional.empty())).get().extracting(ValidationIssue::code).isEqualTo("E_STATE");
    }

    @Test
    void resultsOnlyForAKnownOpenObjectionFromItsProvider() {
        assertThat(check(result("维持", null), HEAD, "scjgj", Optional.of(PENDING), Optional.of(PENDING))).isEmpty();
        assertThat(check(result("撤销", null), HEAD, "operator:xyb", Optional.of(PENDING), Optional.of(PENDING)))
                .as("the city credit office records it for the provider").isEmpty();
        assertThat(List.of(
                check(result("维持", null), HEAD, "scjgj", Optional.empty(), Optional.empty()),
                check(result("维持", null), HEAD, "scjgj", Optional.of(new ObjectionView("YY-2026-0007", TARGET, 1,
                        "REVOKED")), Optional.empty()),
                check(result("维持", null), HEAD, "swj", Optional.of(PENDING), Optional.of(PENDING)),
                check(result("维持", null), HEAD, "scjgj", Optional.of(new ObjectionView("YY-2026-0007", "other", 1,
                        "PENDING")), Optional.empty())))
                .extracting(i -> i.map(x -> tuple(x.code(), x.field())).orElse(null))
                .containsExactly(tuple("E_UNKNOWN_RECORD", "objectionId"), tuple("E_STATE", "result"),
                        tuple("E_NOT_PROVIDER", "result"), tuple("E_STATE", "targetRecordId"));
    }

    @Test
    void aCorrectionMustNameAnExistingVersionNewerThanTheContestedOne() {
        assertThat(check(result("更正", 2), HEAD, "scjgj", Optional.of(PENDING), Optional.of(PENDING))).isEmpty();
        assertThat(check(result("更正", 4), HEAD, "scjgj", Optional.of(PENDING), Optional.of(PENDING))).get()
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly("E_UNKNOWN_VERSION", "correctedRecordVersion");
        assertThat(check(result("更正", 1), HEAD, "scjgj", Optional.of(PENDING), Optional.of(PENDING))).get()
                .extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly("E_STATE", "correctedRecordVersion");
    }

    @Test
    void anIdenticalResendIsAlwaysAllowedSoItIsAnsweredAlreadyAccepted() {
        assertThat(ObjectionLifecycle.check(result("维持", null), HEAD, true, "swj", "scjgj", Optional.of(
                new ObjectionView("YY-2026-0007", TARGET, 1, "CONFIRMED")), Optional.empty())).isEmpty();
    }
}
