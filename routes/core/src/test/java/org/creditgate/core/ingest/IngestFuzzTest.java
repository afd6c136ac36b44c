package org.creditgate.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.FuzzRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.Test;

/**
 * Property test of the ingest pipeline over H2 with generated hostile and near-valid batches (seeded,
 * {@link FuzzRecords}), some of them resent: after every push, ACCEPTED means the ledger holds exactly that version,
 * QUEUED, and the broker got it once; ALREADY_ACCEPTED stores and sends nothing; REJECTED stores the rejection and
 * nothing else; and no record that validation refuses is ever answered anything but REJECTED.
 */
class IngestFuzzTest {

    private static final int BATCHES = 250;
    private static final RecordValidator VALIDATOR = new RecordValidator();
    private static final ValidationContext CTX = new ValidationContext(Records.TODAY,
            WorkingDayCalendar.fromClasspath());

    @Test
    void everyAnswerMatchesWhatWasStoredAndSent() {
        long seed = FuzzRecords.seed();
        FuzzRecords gen = new FuzzRecords(seed);
        Random random = new Random(seed);
        List<List<ObjectNode>> sent = new ArrayList<>();
        long accepted = 0;
        long already = 0;
        try (PipelineHarness h = new PipelineHarness()) {
            for (int b = 0; b < BATCHES; b++) {
                List<ObjectNode> batch;
                if (!sent.isEmpty() && random.nextInt(8) == 0) {
                    batch = sent.get(random.nextInt(sent.size()));
                } else {
                    batch = new ArrayList<>();
                    for (int i = 1 + random.nextInt(6); i > 0; i--) {
                        batch.add(gen.next());
                    }
                    sent.add(batch);
                }
                String where = "seed " + seed + ", batch " + b;
                long versionsBefore = h.versionCount();
                long rejectionsBefore = h.rejectionCount("fuzz");
                int enqueuedBefore = h.enqueued().size();

                IngestResult result;
                try {
                    result = h.pipeline().ingest(new IngestRequest("fuzz", "fuzz", Records.JSON.valueToTree(
                            java.util.Map.of("records", batch))));
                } catch (RuntimeException | Error e) {
                    String input = batch.toString();
                    throw new AssertionError("ingest threw " + e + " on " + where + ": "
                            + (input.length() > 3000 ? input.substring(0, 3000) + "…" : input), e);
                }

                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(result.results()).as(where).hasSize(batch.size());
                List<OutboundRecord> newlySent = h.enqueued().subList(enqueuedBefore, h.enqueued().size());
                Set<String> sentRefs = new HashSet<>();
                newlySent.forEach(o -> soft.assertThat(sentRefs.add(o.duplicateId())).as("sent once: " + where)
                        .isTrue());
                for (RecordResult r : result.results()) {
                    JsonNode item = batch.get(r.index());
                    String at = where + ", record " + r.index() + ": " + item;
                    boolean valid = VALIDATOR.validate(item, CTX).valid();
                    switch (r.status()) {
                        case ACCEPTED -> {
                            soft.assertThat(valid).as("accepted ⇒ valid: " + at).isTrue();
                            RecordVersion v = h.ledger().version(r.recordId(), r.version()).orElse(null);
                            soft.assertThat(v).as("accepted ⇒ in the ledger: " + at).isNotNull();
                            if (v != null) {
                                soft.assertThat(v.state()).as(at).isEqualTo(RecordState.QUEUED);
                            }
                            soft.assertThat(sentRefs).as("accepted ⇒ sent: " + at)
                                    .contains(r.recordId() + ":" + r.version());
                        }
                        case ALREADY_ACCEPTED -> {
                            soft.assertThat(valid).as(at).isTrue();
                            soft.assertThat(h.ledger().head(r.recordId())).as(at).get()
                                    .satisfies(head -> assertThat(head.currentVersion()).isEqualTo(r.version()));
                        }
                        case REJECTED -> {
                            soft.assertThat(r.recordId()).as(at).isNull();
                            soft.assertThat(r.errors()).as(at).isNotEmpty().allSatisfy(e -> {
                                assertThat(e.code()).startsWith("E_");
                                assertThat(e.field()).isNotNull();
                            });
                        }
                    }
                }
                long nAccepted = result.count(IngestStatus.ACCEPTED);
                accepted += nAccepted;
                already += result.count(IngestStatus.ALREADY_ACCEPTED);
                soft.assertThat(h.versionCount() - versionsBefore).as("versions stored: " + where).isEqualTo(nAccepted);
                soft.assertThat(newlySent).as("versions sent: " + where).hasSize((int) nAccepted);
                soft.assertThat(h.rejectionCount("fuzz") - rejectionsBefore).as("rejections kept: " + where)
                        .isEqualTo(result.count(IngestStatus.REJECTED));
                soft.assertAll();
            }
            assertThat(h.versions().keySet()).as("nothing left unconfirmed").containsOnly(RecordState.QUEUED);
        }
        assertThat(accepted).as("the generator reaches acceptance").isGreaterThan(BATCHES / 10);
        assertThat(already).as("and idempotent resends").isPositive();
    }


    /** Found by the property above (seed 20261130): this escaped as a LedgerConflictException, a 500 over HTTP. */
    @Test
    void anAddUnderAnotherRecordIdForAStoredBusinessKeyIsRejectedNotAFailure() {
        try (PipelineHarness h = new PipelineHarness()) {
            ObjectNode first = Records.penalty("榕市监罚〔2026〕777号");
            assertThat(h.pipeline().ingest(new IngestRequest("fuzz", "test", first)).results().get(0).status())
                    .isEqualTo(IngestStatus.ACCEPTED);
            long versions = h.versionCount();
            ObjectNode again = first.deepCopy().put("recordId", "1970-01-01T00:00:00Z");
            RecordResult r = h.pipeline().ingest(new IngestRequest("fuzz", "test", again)).results().get(0);
            assertThat(r.status()).isEqualTo(IngestStatus.REJECTED);
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("E_DUPLICATE");
                assertThat(e.field()).isEqualTo("recordId");
            });
            assertThat(h.versionCount()).isEqualTo(versions);
            assertThat(h.enqueued()).hasSize(1);
            assertThat(h.rejectionCount("fuzz")).isEqualTo(1);
        }
    }
}
