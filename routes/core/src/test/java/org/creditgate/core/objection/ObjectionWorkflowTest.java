package org.creditgate.core.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.ObjectionStatus;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The objection workflow on the real ingest pipeline (H2 ledger, business date 2026-11-20, a Friday): opening,
 * the model's refusals, the three results, the shield a revocation sets off, and catching up a missed record.
 */
class ObjectionWorkflowTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();
    /** Forwarded Fri 2026-11-20; no holiday until 元旦: 11-23..27, 11-30..12-04, 12-07..11, 12-14..18 → Fri 12-18. */
    private static final LocalDate DUE = LocalDate.of(2026, 12, 18);

    private PipelineHarness harness;
    private ObjectionWorkflow workflow;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private String penalty;

    @BeforeEach
    void start() {
        harness = new PipelineHarness();
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);
        workflow = new ObjectionWorkflow(harness.ledger(), (event, o) -> events.add(event + " " + o.objectionId()
                + " to " + o.provider()), new ShieldIssuer(harness.pipeline()::ingest, clock, BEIJING), CALENDAR,
                BEIJING);
        harness.pipeline().checkTargetsWith(new ObjectionChecks(harness.ledger()));
        harness.pipeline().onAccepted(workflow);
        penalty = accepted(ingest("scjgj", SampleRecords.penalty("榕市监罚〔2026〕301号"))).recordId();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private RecordResult ingest(String sender, ObjectNode record) {
        return harness.pipeline().ingest(new IngestRequest(sender, "test", record)).results().get(0);
    }

    private static RecordResult accepted(RecordResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(IngestStatus.ACCEPTED);
        return r;
    }

    private ObjectNode opening(String objectionId, String target) {
        ObjectNode o = SampleRecords.load("OBJECTION").put("objectionId", objectionId).put("targetRecordId", target)
                .put("submittedOn", "2026-11-19").put("forwardedOn", "2026-11-20");
        o.remove(List.of("result", "resultOn"));
        return o;
    }

    private ObjectNode result(String objectionId, String result) {
        return opening(objectionId, penalty).put("op", "UPDATE").put("result", result).put("resultOn", "2026-11-20");
    }

    private ObjectionEntry objection(String id) {
        return harness.ledger().objection(id).orElseThrow();
    }

    @Test
    void anOpeningFlagsTheRecordWithItsDueDateAndNotifiesTheProvider() {
        accepted(ingest("operator:xyb", opening("YY-1", penalty)));

        ObjectionEntry o = objection("YY-1");
        assertThat(o.pending()).isTrue();
        assertThat(o.dueOn()).isEqualTo(DUE);
        assertThat(o.provider()).isEqualTo("scjgj");
        assertThat(o.source()).isEqualTo("operator:xyb");
        assertThat(o.targetVersion()).isEqualTo(1);
        assertThat(events).containsExactly("OPENED YY-1 to scjgj");
        assertThat(harness.ledger().head(penalty)).get().extracting(h -> h.state())
                .as("the record stays shared and published: a label, not a state").isEqualTo(RecordState.QUEUED);
        assertThat(harness.ledger().history(penalty)).extracting(e -> e.event()).contains("OBJECTION_PENDING");
        // the status travels as the objection record itself, ordered with the record's shields
        assertThat(harness.enqueued()).filteredOn(r -> r.dataset().equals("OBJECTION")).singleElement()
                .satisfies(r -> assertThat(r.subjectKey()).isEqualTo("R:" + penalty));
        // an identical resend is the same objection, not a second one
        assertThat(ingest("operator:xyb", opening("YY-1", penalty)).status()).isEqualTo(IngestStatus.ALREADY_ACCEPTED);
        assertThat(events).hasSize(1);
    }

    @Test
    void theModelsRefusalsReachTheSenderAsSpecificErrorsAndAreKept() {
        accepted(ingest("operator:xyb", opening("YY-1", penalty)));
        String shielded = accepted(ingest("scjgj", SampleRecords.penalty("榕市监罚〔2026〕302号"))).recordId();
        harness.pipeline().ingest(new IngestRequest("scjgj", "test", SampleRecords.load("SHIELD").put("shieldId",
                "S-1").put("targetRecordId", shielded).put("targetDataset", "PENALTY")));

        assertThat(List.of(ingest("operator:xyb", opening("YY-2", penalty)),
                ingest("operator:xyb", opening("YY-3", shielded)),
                ingest("scjgj", result("YY-9", "维持")),
                ingest("swj", result("YY-1", "维持")),
                ingest("scjgj", result("YY-1", "更正").put("correctedRecordVersion", 2))))
                .extracting(r -> tuple(r.status(), r.errors().get(0).code(), r.errors().get(0).field()))
                .containsExactly(tuple(IngestStatus.REJECTED, "E_STATE", "targetRecordId"),
                        tuple(IngestStatus.REJECTED, "E_STATE", "targetRecordId"),
                        tuple(IngestStatus.REJECTED, "E_UNKNOWN_RECORD", "objectionId"),
                        tuple(IngestStatus.REJECTED, "E_NOT_PROVIDER", "result"),
                        tuple(IngestStatus.REJECTED, "E_UNKNOWN_VERSION", "correctedRecordVersion"));
        assertThat(harness.rejectionCount("operator:xyb")).isEqualTo(2);
        assertThat(objection("YY-1").pending()).isTrue();
        assertThat(harness.ledger().objection("YY-2")).isEmpty();
    }

    @Test
    void confirmedClearsTheFlagAndNothingElse() {
        accepted(ingest("operator:xyb", opening("YY-1", penalty)));
        accepted(ingest("scjgj", result("YY-1", "维持")));

        assertThat(objection("YY-1")).extracting(ObjectionEntry::status, ObjectionEntry::pending,
                ObjectionEntry::resultOn).containsExactly(ObjectionStatus.CONFIRMED, false, LocalDate.of(2026, 11, 20));
        assertThat(events).containsExactly("OPENED YY-1 to scjgj", "RESOLVED YY-1 to scjgj");
        assertThat(harness.ledger().shieldsOf(penalty)).isEmpty();
        assertThat(harness.enqueued()).filteredOn(r -> r.dataset().equals("OBJECTION"))
                .extracting(r -> r.version()).containsExactly(1, 2);
        assertThat(ingest("scjgj", result("YY-1", "撤销")).errors()).extracting(e -> e.code())
                .as("one result per objection").containsExactly("E_STATE");
    }

    @Test
    void correctedNeedsTheCorrectedVersionWhichGoesOutAsAnUpdate() {
        accepted(ingest("operator:xyb", opening("YY-1", penalty)));
        accepted(ingest("scjgj", SampleRecords.penalty("榕市监罚〔2026〕301号").put("op", "UPDATE")
                .put("recordId", penalty).put("CF_NR", "罚款人民币贰仟元整（更正）")));
        accepted(ingest("scjgj", result("YY-1", "更正").put("correctedRecordVersion", 2)));

        assertThat(objection("YY-1")).extracting(ObjectionEntry::status, ObjectionEntry::correctedVersion)
                .containsExactly(ObjectionStatus.CORRECTED, 2);
        assertThat(harness.ledger().head(penalty)).get().extracting(h -> h.currentVersion()).isEqualTo(2);
        assertThat(harness.ledger().shieldsOf(penalty)).isEmpty();
    }

    @Test
    void revokedShieldsTheRecordOnceThroughTheShieldIssuer() {
        accepted(ingest("operator:xyb", opening("YY-1", penalty)));
        RecordResult revoked = accepted(ingest("scjgj", result("YY-1", "撤销")));

        assertThat(objection("YY-1").status()).isEqualTo(ObjectionStatus.REVOKED);
        assertThat(harness.ledger().head(penalty)).get().extracting(h -> h.state()).isEqualTo(RecordState.SHIELDED);
        assertThat(harness.ledger().shieldsOf(penalty)).singleElement().satisfies(s -> {
            assertThat(s.shieldId()).isEqualTo(ShieldIssuer.derivedId(penalty,
                    org.creditgate.model.Shield.Cause.OBJECTION_REVOKED));
            assertThat(s.cause()).isEqualTo("OBJECTION_REVOKED");
            assertThat(s.source()).isEqualTo(ShieldIssuer.GATEWAY);
        });
        // the same result applied again (a catch-up after a crash) issues the same shield: nothing new is sent
        workflow.apply(harness.ledger().version(revoked.recordId(), revoked.version()).orElseThrow());
        assertThat(harness.enqueued()).filteredOn(r -> r.dataset().equals("SHIELD")).hasSize(1);
        assertThat(harness.enqueued()).filteredOn(r -> r.dataset().equals("OBJECTION") || r.dataset().equals("SHIELD"))
                .extracting(r -> r.dataset() + ":" + r.subjectKey())
                .as("the result before its shield, in one message group")
                .containsExactly("OBJECTION:R:" + penalty, "OBJECTION:R:" + penalty, "SHIELD:R:" + penalty);
    }

    @Test
    void anObjectionRecordTheWorkflowMissedIsCaughtUp() {
        try (PipelineHarness bare = new PipelineHarness()) {
            bare.pipeline().checkTargetsWith(new ObjectionChecks(bare.ledger()));
            String target = bare.pipeline().ingest(new IngestRequest("scjgj", "test",
                    SampleRecords.penalty("榕市监罚〔2026〕303号"))).results().get(0).recordId();
            bare.pipeline().ingest(new IngestRequest("operator:xyb", "test", opening("YY-7", target)));
            ObjectionWorkflow late = new ObjectionWorkflow(bare.ledger(), (e, o) -> events.add(e + " " + o.objectionId()),
                    new ShieldIssuer(bare.pipeline()::ingest, Clock.systemUTC(), BEIJING), CALENDAR, BEIJING);
            assertThat(bare.ledger().objection("YY-7")).isEmpty();

            assertThat(late.catchUp()).isEqualTo(1);
            assertThat(late.catchUp()).isZero();
            assertThat(bare.ledger().objection("YY-7")).get().extracting(ObjectionEntry::pending, ObjectionEntry::dueOn)
                    .containsExactly(true, DUE);
            assertThat(events).containsExactly("OPENED YY-7");
        }
    }
}
