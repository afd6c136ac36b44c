package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.junit.jupiter.api.Test;

/** E_DUPLICATE, E_UNKNOWN_RECORD, E_STATE and the idempotent resend (domain.md §4, §6.3). */
class LifecycleRulesTest {

    private static CreditRecord record(String op) {
        ObjectNode r = Fixtures.penalty().put("op", op);
        return Fixtures.validate(r).record();
    }

    private static IngestDecision decide(CreditRecord r, HeadView head) {
        return LifecycleRules.decide(r, CanonicalJson.contentHash(r), Optional.ofNullable(head));
    }

    @Test
    void firstAddIsNewVersionOne() {
        assertThat(decide(record("ADD"), null)).isEqualTo(new IngestDecision(IngestDecision.Kind.NEW, 1, null));
    }

    @Test
    void identicalResendIsAlreadyAccepted() {
        CreditRecord add = record("ADD");
        HeadView head = new HeadView("r1", 1, CanonicalJson.contentHash(add), false);
        assertThat(decide(add, head).kind()).isEqualTo(IngestDecision.Kind.ALREADY_ACCEPTED);
        assertThat(decide(add, head).version()).isEqualTo(1);
    }

    @Test
    void addWithOtherContentForAKnownKeyIsADuplicate() {
        HeadView head = new HeadView("r1", 1, "other-hash", false);
        IngestDecision d = decide(record("ADD"), head);
        assertThat(d.kind()).isEqualTo(IngestDecision.Kind.REJECT);
        assertThat(d.issue().code()).isEqualTo("E_DUPLICATE");
    }

    @Test
    void updateOrDeleteOfAnUnknownRecordIsRefused() {
        assertThat(decide(record("UPDATE"), null).issue().code()).isEqualTo("E_UNKNOWN_RECORD");
        assertThat(decide(record("DELETE"), null).issue().code()).isEqualTo("E_UNKNOWN_RECORD");
    }

    @Test
    void updateOfAKnownRecordIsTheNextVersion() {
        IngestDecision d = decide(record("UPDATE"), new HeadView("r1", 4, "other-hash", false));
        assertThat(d.kind()).isEqualTo(IngestDecision.Kind.NEW_VERSION);
        assertThat(d.version()).isEqualTo(5);
    }

    @Test
    void changesToAShieldedRecordAreRefused() {
        assertThat(decide(record("UPDATE"), new HeadView("r1", 2, "other-hash", true)).issue().code())
                .isEqualTo("E_STATE");
        assertThat(decide(record("ADD"), new HeadView("r1", 2, "other-hash", true)).issue().code())
                .isEqualTo("E_STATE");
    }

    @Test
    void aRevocationOfAShieldedRecordIsStillRecorded() {
        IngestDecision d = decide(record("DELETE"), new HeadView("r1", 2, "other-hash", true));
        assertThat(d.kind()).isEqualTo(IngestDecision.Kind.NEW_VERSION);
        assertThat(d.version()).isEqualTo(3);
    }

    @Test
    void anIdenticalResendOfAShieldedRecordIsStillIdempotent() {
        CreditRecord update = record("UPDATE");
        HeadView head = new HeadView("r1", 2, CanonicalJson.contentHash(update), true);
        assertThat(decide(update, head).kind()).isEqualTo(IngestDecision.Kind.ALREADY_ACCEPTED);
    }

    @Test
    void messagesAboutARecordNeedThatRecord() {
        CreditRecord shield = Fixtures.validate(Fixtures.shield()).record();
        assertThat(LifecycleRules.targetRecordId(shield)).contains("5b7c8e1a-0000-5000-8000-000000000001");
        assertThat(LifecycleRules.checkTarget(shield, Optional.empty())).get()
                .satisfies(i -> assertThat(i.code()).isEqualTo("E_UNKNOWN_RECORD"))
                .satisfies(i -> assertThat(i.field()).isEqualTo("targetRecordId"));
        assertThat(LifecycleRules.checkTarget(shield, Optional.of(new HeadView("t", 1, "h", false)))).isEmpty();
        for (CreditRecord r : new CreditRecord[] {Fixtures.validate(Fixtures.repair()).record(),
            Fixtures.validate(Fixtures.objection()).record()}) {
            assertThat(LifecycleRules.checkTarget(r, Optional.empty())).get()
                    .satisfies(i -> assertThat(i.code()).isEqualTo("E_UNKNOWN_RECORD"));
        }
        CreditRecord penalty = record("ADD");
        assertThat(LifecycleRules.targetRecordId(penalty)).isEmpty();
        assertThat(LifecycleRules.checkTarget(penalty, Optional.empty())).isEmpty();
    }

    @Test
    void theSameDataAsUpdateIsNotTheSameAsTheAdd() {
        assertThat(CanonicalJson.contentHash(record("UPDATE"))).isNotEqualTo(CanonicalJson.contentHash(record("ADD")));
    }
}
