package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.Shield;
import org.creditgate.model.publication.PublicationPeriods;
import org.creditgate.model.samples.SampleRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The expiry job on the real ingest pipeline and ledger, its clock moved day by day: each platform gets an EXPIRED
 * shield when its own regime's period has ended — GSXT 3 months from its publication for a small fine, the others
 * one year from the decision (令第58号) — exactly on the day after the last day, once.
 */
class ExpiryJobTest {

    private final ShieldFixture f = new ShieldFixture();
    private final ShieldFixture.DayClock clock = new ShieldFixture.DayClock(LocalDate.of(2024, 4, 25));
    private final RepairShields repairs = new RepairShields(f.issuer(), f.ledger, ShieldFixture.SHANGHAI);
    private final ExpiryJob job = new ExpiryJob(f.ledger, () -> f.routing, PublicationPeriods.withDefaults(),
            f.issuer(), repairs, clock, ShieldFixture.SHANGHAI, 2);

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> targetsOf(String shieldId) {
        ShieldEntry s = f.ledger.shield(shieldId).orElseThrow();
        return ((Shield) CanonicalJson.read(f.ledger.version(s.recordId(), 1).orElseThrow().payload())).targets();
    }

    private Shield.Scope scopeOf(String shieldId) {
        ShieldEntry s = f.ledger.shield(shieldId).orElseThrow();
        return ((Shield) CanonicalJson.read(f.ledger.version(s.recordId(), 1).orElseThrow().payload())).scope();
    }

    @Test
    void eachPlatformIsShieldedWhenItsOwnPeriodEnds() {
        // decided 2024-01-20 (一般失信, ¥2,000): NDRC until 2025-01-20; GSXT published it 2024-01-25 → until 2024-04-25
        String old = f.penalty("榕市监罚〔2024〕7号", LocalDate.of(2024, 1, 20));
        for (String upstream : List.of("province", "national", "creditchina")) {
            f.heldBy(old, upstream, LocalDate.of(2024, 1, 22));
        }
        f.heldBy(old, "gsxt", LocalDate.of(2024, 1, 25));
        // held by nobody: only local publication ends, on the same NDRC day
        String unsent = f.penalty("榕市监罚〔2024〕8号", LocalDate.of(2024, 1, 20));
        // decided later: nothing ends in this test
        String recent = f.penalty("榕市监罚〔2024〕9号", LocalDate.of(2024, 6, 1));
        f.heldBy(recent, "province", LocalDate.of(2024, 6, 3));

        ExpiryRun lastGsxtDay = job.run("test");
        assertThat(lastGsxtDay.shieldsIssued()).as("2024-04-25 is GSXT's last day").isZero();
        assertThat(lastGsxtDay.scanned()).isEqualTo(3);

        clock.set(LocalDate.of(2024, 4, 26));
        ExpiryRun gsxtDay = job.run("test");
        String gsxtShield = "GW-EXPIRED-" + old + "-20240425";
        assertThat(gsxtDay.shields()).extracting(ExpiryRun.Issued::shieldId, ExpiryRun.Issued::targets)
                .containsExactly(tuple(gsxtShield, List.of("gsxt")));
        assertThat(targetsOf(gsxtShield)).containsExactly("gsxt");
        assertThat(scopeOf(gsxtShield)).as("GSXT's period, not the record's").isEqualTo(Shield.Scope.PLATFORMS);
        assertThat(f.ledger.head(old)).get().extracting(RecordHead::state)
                .as("still published locally and on the NDRC platforms").isNotEqualTo(RecordState.SHIELDED);
        assertThat(f.ledger.shield(gsxtShield).orElseThrow().effectiveAt())
                .isEqualTo(OffsetDateTime.parse("2024-04-26T00:00:00+08:00").toInstant());

        clock.set(LocalDate.of(2025, 1, 20));
        assertThat(job.run("test").shieldsIssued()).as("NDRC's last day").isZero();

        clock.set(LocalDate.of(2025, 1, 21));
        ExpiryRun ndrcDay = job.run("test");
        assertThat(ndrcDay.shields()).extracting(ExpiryRun.Issued::recordId, ExpiryRun.Issued::endedOn,
                ExpiryRun.Issued::targets).containsExactlyInAnyOrder(
                        tuple(old, LocalDate.of(2025, 1, 20), List.of("creditchina", "national", "province")),
                        tuple(unsent, LocalDate.of(2025, 1, 20), List.of()));
        assertThat(f.ledger.shieldsOf(old)).extracting(ShieldEntry::cause, ShieldEntry::source)
                .containsOnly(tuple("EXPIRED", ShieldIssuer.GATEWAY)).hasSize(2);
        assertThat(f.ledger.head(unsent)).get().extracting(RecordHead::state).isEqualTo(RecordState.SHIELDED);
        assertThat(f.ledger.head(old)).get().extracting(RecordHead::state).isEqualTo(RecordState.SHIELDED);
        assertThat(scopeOf("GW-EXPIRED-" + old + "-20250120")).isEqualTo(Shield.Scope.RECORD);
        assertThat(f.ledger.head(recent)).get().extracting(RecordHead::state).isEqualTo(RecordState.QUEUED);

        ExpiryRun again = job.run("test again");
        assertThat(again.shieldsIssued()).as("idempotent").isZero();
        assertThat(again.failed()).isZero();
        assertThat(again.scanned()).as("the repaired-or-deleted are no candidates; expired ones stay").isEqualTo(3);
    }

    @Test
    void anExpiredShieldIssuedAgainIsAlreadyAccepted() {
        String old = f.penalty("榕市监罚〔2024〕17号", LocalDate.of(2024, 1, 20));
        f.heldBy(old, "province", LocalDate.of(2024, 1, 22));
        clock.set(LocalDate.of(2025, 2, 1));
        RecordHead head = f.ledger.head(old).orElseThrow();
        String id = ExpiryJob.shieldId(old, LocalDate.of(2025, 1, 20));
        f.issuer().issue(ShieldIssuer.GATEWAY, "expiry", new ShieldIssuer.Request(head, Shield.Cause.EXPIRED, id,
                "公示期满 国家发展改革委令第58号 最长公示期至 2025-01-20",
                OffsetDateTime.parse("2025-01-21T00:00:00+08:00"), List.of("province")));

        ExpiryRun run = job.run("test");

        assertThat(run.shieldsIssued()).isZero();
        assertThat(f.ledger.shieldsOf(old)).hasSize(1);
    }

    @Test
    void aSeriousPenaltyRunsThreeYearsAndAListEntryUntilItsValidity() {
        String serious = f.accepted(SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔2023〕3号"),
                LocalDate.of(2023, 5, 1)).put("severity", "严重"));
        f.heldBy(serious, "national", LocalDate.of(2023, 5, 4));
        String listed = f.accepted(SampleRecords.load("LIST").put("listedOn", "2023-05-01")
                .put("listedUntil", "2026-04-30"));
        f.heldBy(listed, "province", LocalDate.of(2023, 5, 2));

        clock.set(LocalDate.of(2026, 5, 1));
        ExpiryRun run = job.run("test");

        assertThat(run.shields()).extracting(ExpiryRun.Issued::recordId, ExpiryRun.Issued::endedOn,
                ExpiryRun.Issued::targets).containsExactly(tuple(listed, LocalDate.of(2026, 4, 30),
                        List.of("province")));
        clock.set(LocalDate.of(2026, 5, 2));
        assertThat(job.run("test").shields()).extracting(ExpiryRun.Issued::recordId, ExpiryRun.Issued::endedOn)
                .containsExactly(tuple(serious, LocalDate.of(2026, 5, 1)));
    }

    @Test
    void theRunAlsoCatchesUpApprovedRepairsWithoutAShield() {
        String target = f.penalty("榕市监罚〔2026〕61号", LocalDate.of(2026, 1, 10));
        f.heldBy(target, "creditchina", LocalDate.of(2026, 1, 12));
        f.ingest("fgw", ShieldFixture.repair("XF-61", target, LocalDate.of(2026, 4, 11), LocalDate.of(2026, 4, 20)));
        clock.set(LocalDate.of(2026, 4, 21));

        ExpiryRun run = job.run("test");

        assertThat(run.repairShields()).isEqualTo(1);
        assertThat(run.shieldsIssued()).isZero();
        assertThat(f.ledger.shieldsOf(target)).extracting(ShieldEntry::shieldId)
                .containsExactly(ShieldIssuer.derivedId(target, Shield.Cause.REPAIR));
        assertThat(job.run("test").repairShields()).isZero();
    }

    @Test
    void aLongRecordIdStillGivesAShieldIdThatFits() {
        String id = ExpiryJob.shieldId("x".repeat(64), LocalDate.of(2025, 1, 20));
        assertThat(id).hasSizeLessThanOrEqualTo(64).startsWith("GW-EXPIRED-").endsWith("-20250120");
        assertThat(ExpiryJob.shieldId("x".repeat(64), LocalDate.of(2025, 1, 20))).isEqualTo(id);
    }
}
