package org.creditgate.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.core.ingest.AcceptedSweep;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Penalty;
import org.creditgate.model.Shield;
import org.creditgate.model.SubjectCategory;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cascade of domain.md §6.4 over the real ingest pipeline and an H2 ledger: a 黑名单 entry or 严重失信 penalty of
 * an organisation creates the linked person record through ingest (issuer gateway); every update and shield of the
 * organisation record follows it; records that do not link create nothing; everything is idempotent and a sweep
 * catches up what a crash left undone.
 */
class LegalRepLinkerTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String REP_ID = SampleRecords.CITIZEN_ID;

    private final PipelineHarness harness = new PipelineHarness();
    private final ShieldIssuer issuer = new ShieldIssuer(harness.pipeline()::ingest,
            Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC), BEIJING);
    private final LegalRepLinker linker = new LegalRepLinker(harness.ledger(), harness.pipeline()::ingest, issuer,
            BEIJING);

    @AfterEach
    void close() {
        harness.close();
    }

    private static ObjectNode blackEntry() {
        return SampleRecords.load("LIST").put("legalRepIdType", "身份证").put("legalRepIdNo", REP_ID);
    }

    private static ObjectNode seriousPenalty(String docNo) {
        return SampleRecords.penalty(docNo).put("severity", "严重").put("CF_FR_ZJLX", "身份证")
                .put("CF_FR_ZJHM", REP_ID);
    }

    private String push(String department, ObjectNode record) {
        RecordResult r = harness.pipeline().ingest(new IngestRequest(department, "rest", record)).results().get(0);
        assertThat(r.status()).as(r.toString()).isIn(IngestStatus.ACCEPTED, IngestStatus.ALREADY_ACCEPTED);
        return r.recordId();
    }

    private RecordHead head(String recordId) {
        return harness.ledger().head(recordId).orElseThrow();
    }

    private CreditRecord current(String recordId) {
        RecordHead h = head(recordId);
        return CanonicalJson.read(harness.ledger().version(recordId, h.currentVersion()).orElseThrow().payload());
    }

    private List<OutboundRecord> sentFor(String recordId) {
        return harness.enqueued().stream().filter(o -> o.recordId().equals(recordId)).toList();
    }

    @Test
    void aBlackListEntryOfAnOrganisationCreatesTheLinkedPersonRecordAsTheGateway() {
        harness.pipeline().onAccepted(linker);
        String org = push("swj", blackEntry());
        String linked = LegalRepLink.linkedRecordId(org);

        RecordHead h = head(linked);
        assertThat(h.department()).isEqualTo(ShieldIssuer.GATEWAY);
        assertThat(h.dataset()).isEqualTo("LIST");
        assertThat(h.currentVersion()).isEqualTo(1);
        ListEntry person = (ListEntry) current(linked);
        assertThat(person.subject().subjectCategory()).isEqualTo(SubjectCategory.NATURAL_PERSON);
        assertThat(person.subject().idNo()).isEqualTo(REP_ID);
        assertThat(person.relation()).isEqualTo(LegalRepLink.Relation.LEGAL_REPRESENTATIVE);
        assertThat(person.linkedRecordId()).isEqualTo(org);
        // handed to the broker after the organisation record, for the fan-out to route (SHARING platforms only)
        assertThat(harness.enqueued()).extracting(OutboundRecord::recordId).containsExactly(org, linked);
        assertThat(harness.rejectionCount(ShieldIssuer.GATEWAY)).isZero();
    }

    @Test
    void recordsThatDoNotLinkCreateNothing() {
        harness.pipeline().onAccepted(linker);
        push("swj", blackEntry().put("listKind", "WATCH"));
        push("swj", blackEntry().put("listKind", "RED").put("listName", "纳税信用A级纳税人"));
        push("scjgj", seriousPenalty("榕市监罚〔2026〕201号").put("severity", "一般"));
        ObjectNode noIdNo = seriousPenalty("榕市监罚〔2026〕202号");
        noIdNo.remove("CF_FR_ZJHM");
        push("scjgj", noIdNo);
        push("scjgj", SampleRecords.personPenalty("榕市监罚〔2026〕203号", REP_ID).put("severity", "严重"));

        assertThat(harness.versionCount()).isEqualTo(5);
        assertThat(harness.enqueued()).extracting(OutboundRecord::department).containsOnly("swj", "scjgj");
    }

    @Test
    void everyUpdateOfTheOrganisationRecordIsANewVersionOfTheLinkedRecord() {
        harness.pipeline().onAccepted(linker);
        String org = push("scjgj", seriousPenalty("榕市监罚〔2026〕210号"));
        String linked = LegalRepLink.linkedRecordId(org);
        assertThat(((Penalty) current(linked)).publish()).as("shared, not published").isFalse();

        push("scjgj", seriousPenalty("榕市监罚〔2026〕210号").put("op", "UPDATE").put("recordId", org)
                .put("CF_NR", "罚款人民币3000元").put("CF_NR_FK", "0.3"));

        assertThat(head(org).currentVersion()).isEqualTo(2);
        assertThat(head(linked).currentVersion()).isEqualTo(2);
        Penalty person = (Penalty) current(linked);
        assertThat(person.meta().op().name()).isEqualTo("UPDATE");
        assertThat(person.content()).isEqualTo("罚款人民币3000元");
        assertThat(sentFor(linked)).extracting(OutboundRecord::version).containsExactly(1, 2);
    }

    @Test
    void aCorrectionThatNoLongerLinksShieldsTheLinkedRecord() {
        harness.pipeline().onAccepted(linker);
        String org = push("scjgj", seriousPenalty("榕市监罚〔2026〕220号"));
        String linked = LegalRepLink.linkedRecordId(org);

        push("scjgj", seriousPenalty("榕市监罚〔2026〕220号").put("op", "UPDATE").put("recordId", org)
                .put("severity", "一般"));

        assertThat(head(linked).state()).isEqualTo(RecordState.SHIELDED);
        String shieldId = ShieldIssuer.derivedId(linked, Shield.Cause.REVOKED);
        assertThat(harness.ledger().shield(shieldId)).get().satisfies(s -> {
            assertThat(s.targetRecordId()).isEqualTo(linked);
            assertThat(s.cause()).isEqualTo("REVOKED");
            assertThat(s.source()).isEqualTo(ShieldIssuer.GATEWAY);
        });
        assertThat(head(org).state()).isNotEqualTo(RecordState.SHIELDED);
    }

    @Test
    void aShieldOfTheOrganisationRecordShieldsTheLinkedRecordWithTheSameCause() {
        harness.pipeline().onAccepted(linker);
        String org = push("swj", blackEntry());
        String linked = LegalRepLink.linkedRecordId(org);

        ObjectNode shield = SampleRecords.JSON.createObjectNode().put("dataset", "SHIELD").put("shieldId", "S-LR-1")
                .put("targetDataset", "LIST").put("targetRecordId", org).put("cause", "LIST_REMOVED")
                .put("effectiveAt", "2026-11-20T10:00:00+08:00").put("decisionRef", "榕税稽〔2026〕移1号");
        push("swj", shield);

        assertThat(head(org).state()).isEqualTo(RecordState.SHIELDED);
        assertThat(head(linked).state()).isEqualTo(RecordState.SHIELDED);
        assertThat(harness.ledger().shield("GW-LR-S-LR-1")).get().satisfies(s -> {
            assertThat(s.targetRecordId()).isEqualTo(linked);
            assertThat(s.cause()).isEqualTo("LIST_REMOVED");
            assertThat(s.decisionRef()).isEqualTo("榕税稽〔2026〕移1号");
            assertThat(s.effectiveAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        });
        // the same shield again: the same answer, no second cascade
        push("swj", shield);
        assertThat(harness.ledger().shieldsOf(linked)).hasSize(1);
    }

    @Test
    void followingTheSameVersionsAgainSubmitsNothing() {
        harness.pipeline().onAccepted(linker);
        String org = push("swj", blackEntry());
        long versions = harness.versionCount();
        int sent = harness.enqueued().size();

        for (var v : harness.ledger().currentVersions(List.of("LIST"), Instant.EPOCH, 100)) {
            assertThat(linker.follow(v)).isEqualTo(LegalRepLinker.Outcome.NOTHING);
        }
        assertThat(harness.versionCount()).isEqualTo(versions);
        assertThat(harness.enqueued()).hasSize(sent);
        assertThat(harness.ledger().head(LegalRepLink.linkedRecordId(org))).isPresent();
    }

    @Test
    void theSweepCatchesUpWhatACrashLeftBetweenStoringAndLinking() {
        // no listener: as if the gateway died right after storing the records
        String org = push("swj", blackEntry());
        String penalty = push("scjgj", seriousPenalty("榕市监罚〔2026〕230号"));
        ObjectNode shield = SampleRecords.JSON.createObjectNode().put("dataset", "SHIELD").put("shieldId", "S-LR-2")
                .put("targetDataset", "PENALTY").put("targetRecordId", penalty).put("cause", "REPAIR")
                .put("effectiveAt", "2026-11-20T10:00:00+08:00");
        assertThat(harness.ledger().head(LegalRepLink.linkedRecordId(org))).isEmpty();

        // a minute after the harness's business time, at which the records were received
        Clock now = Clock.fixed(Instant.parse("2026-11-20T02:01:00Z"), ZoneOffset.UTC);
        AcceptedSweep sweep = new AcceptedSweep(harness.ledger(), List.of("PENALTY", "LIST", "SHIELD"),
                List.of(linker), now, Duration.ofDays(7), Duration.ofMinutes(20));
        sweep.sweep();
        assertThat(head(LegalRepLink.linkedRecordId(org)).department()).isEqualTo(ShieldIssuer.GATEWAY);
        assertThat(head(LegalRepLink.linkedRecordId(penalty)).state()).isNotEqualTo(RecordState.SHIELDED);

        push("scjgj", shield);
        sweep.sweep();
        assertThat(head(LegalRepLink.linkedRecordId(penalty)).state()).isEqualTo(RecordState.SHIELDED);
        long versions = harness.versionCount();
        sweep.sweep();
        assertThat(harness.versionCount()).as("a third sweep finds nothing to do").isEqualTo(versions);
    }
}
