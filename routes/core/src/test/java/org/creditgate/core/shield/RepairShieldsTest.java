package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.Shield;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.model.validation.ValidationIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Repairs through the real ingest pipeline: the checks against the target penalty reject like any other rule, an
 * approved repair shields its target (cause REPAIR, derived id, effective from the decision day), and a rejected one
 * changes nothing.
 */
class RepairShieldsTest {

    private final ShieldFixture f = new ShieldFixture();
    private final RepairShields listener = new RepairShields(f.issuer(), f.ledger, ShieldFixture.SHANGHAI);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRepairAppliedBeforeTheMinimumPeriodIsRejectedNamingTheEarliestDay() {
        // 一般失信 under 令第58号 decided 2026-05-31: the minimum period ends 2026-08-31
        String penalty = f.penalty("榕市监罚〔2026〕31号", LocalDate.of(2026, 5, 31));

        RecordResult early = f.ingest("fgw", ShieldFixture.repair("XF-1", penalty, LocalDate.of(2026, 8, 31), null));
        RecordResult onTime = f.ingest("fgw", ShieldFixture.repair("XF-2", penalty, LocalDate.of(2026, 9, 1), null));

        assertThat(early.status()).isEqualTo(IngestStatus.REJECTED);
        assertThat(early.errors()).extracting(ValidationIssue::code, ValidationIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E_REPAIR_TOO_EARLY", "appliedOn"));
        assertThat(early.errors().get(0).message()).contains("the earliest application date is 2026-09-01");
        assertThat(f.ledger.rejections("fgw", 0, 10)).hasSize(1);
        assertThat(onTime.status()).isEqualTo(IngestStatus.ACCEPTED);
    }

    @Test
    void anApprovedRepairShieldsItsTargetOnceAndARejectedOneChangesNothing() {
        f.harness.pipeline().onAccepted(listener);
        String approvedTarget = f.penalty("榕市监罚〔2026〕41号", LocalDate.of(2026, 1, 10));
        String refusedTarget = f.penalty("榕市监罚〔2026〕42号", LocalDate.of(2026, 1, 10));

        RecordResult approved = f.ingest("fgw", ShieldFixture.repair("XF-41", approvedTarget,
                LocalDate.of(2026, 4, 11), LocalDate.of(2026, 4, 20)));
        RecordResult refused = f.ingest("fgw", ShieldFixture.repair("XF-42", refusedTarget, LocalDate.of(2026, 4, 11),
                LocalDate.of(2026, 4, 20)).put("decision", "不予修复").put("rejectReason", "未完成整改"));

        assertThat(approved.status()).isEqualTo(IngestStatus.ACCEPTED);
        assertThat(refused.status()).isEqualTo(IngestStatus.ACCEPTED);
        String shieldId = ShieldIssuer.derivedId(approvedTarget, Shield.Cause.REPAIR);
        assertThat(f.ledger.shieldsOf(approvedTarget)).extracting(ShieldEntry::shieldId, ShieldEntry::cause,
                ShieldEntry::source, ShieldEntry::decisionRef).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        shieldId, "REPAIR", ShieldIssuer.GATEWAY, "信用修复 XF-41"));
        assertThat(f.ledger.shield(shieldId).orElseThrow().effectiveAt())
                .isEqualTo(OffsetDateTime.parse("2026-04-20T00:00:00+08:00").toInstant());
        assertThat(f.ledger.head(approvedTarget)).get().extracting(RecordHead::state).isEqualTo(RecordState.SHIELDED);
        assertThat(f.ledger.shieldsOf(refusedTarget)).isEmpty();
        assertThat(f.ledger.head(refusedTarget)).get().extracting(RecordHead::state).isEqualTo(RecordState.QUEUED);

        // the sweep after a crash finds nothing to do: the target is shielded
        var repairVersion = f.ledger.version(approved.recordId(), 1).orElseThrow();
        assertThat(listener.catchUp(repairVersion)).isEmpty();
        // and issuing again (a redelivered notification) is the same shield
        listener.accepted(List.of(repairVersion), java.time.Instant.now());
        assertThat(f.ledger.shieldsOf(approvedTarget)).hasSize(1);
    }

    @Test
    void theSweepIssuesTheShieldAnApprovedRepairMissedInACrash() {
        // no listener: the gateway died between accepting the repair and issuing its shield
        String target = f.penalty("榕市监罚〔2026〕51号", LocalDate.of(2026, 1, 10));
        RecordResult approved = f.ingest("fgw", ShieldFixture.repair("XF-51", target, LocalDate.of(2026, 4, 11),
                LocalDate.of(2026, 4, 20)));
        assertThat(f.ledger.shieldsOf(target)).isEmpty();

        var issued = listener.catchUp(f.ledger.version(approved.recordId(), 1).orElseThrow());

        assertThat(issued).get().extracting(i -> i.result().status()).isEqualTo(IngestStatus.ACCEPTED);
        assertThat(f.ledger.shieldsOf(target)).extracting(ShieldEntry::cause).containsExactly("REPAIR");
    }
}
