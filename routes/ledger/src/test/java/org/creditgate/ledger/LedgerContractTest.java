package org.creditgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ledger database must do the same way. Each subclass supplies a fresh, empty database per test. */
abstract class LedgerContractTest {

    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    protected DataSource dataSource;
    protected Ledger ledger;
    private final StatementCounter statements = new StatementCounter();

    /** A fresh, empty database for one test. */
    protected abstract LedgerSettings freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = LedgerDataSources.create(freshDatabase());
        ledger = Ledgers.open(statements.wrap(dataSource));
    }

    @AfterEach
    void close() {
        LedgerDataSources.close(dataSource);
    }

    static RecordVersion version(String id, int v, String businessKey, Instant at) {
        return new RecordVersion(id, v, v == 1 ? "ADD" : "UPDATE", "PENALTY", "samr", businessKey, "91350100M000100Y43",
                "hash-" + id + "-" + v, "{\"CF_XDR_MC\":\"福州某某科技有限公司\",\"v\":" + v + "}", "[]", at,
                RecordState.VALIDATED);
    }

    @Test
    void acceptedVersionsReadBackExactly() {
        RecordVersion v = version("r1", 1, "k1", T0);
        ledger.accept(List.of(v));

        assertThat(ledger.version("r1", 1)).contains(v);
        assertThat(ledger.head("r1")).contains(new RecordHead("r1", "PENALTY", "k1", "samr", 1, "hash-r1-1",
                RecordState.VALIDATED, T0));
        assertThat(ledger.history("r1"))
                .containsExactly(new HistoryEvent("r1", 1, T0, "RECEIVED_VALID", "ADD from samr"));
        assertThat(ledger.head("unknown")).isEmpty();
        assertThat(ledger.version("r1", 2)).isEmpty();
    }

    @Test
    void aHeadIsFoundByItsDatasetAndBusinessKeyAndFollowsNewVersions() {
        ledger.accept(List.of(version("r1", 1, "k1|张", T0), version("r2", 1, "k2", T0)));
        ledger.accept(List.of(version("r1", 2, "k1|张", T0.plusSeconds(5))));

        assertThat(ledger.headByKey("PENALTY", "k1|张")).contains(ledger.head("r1").orElseThrow())
                .get().extracting(RecordHead::currentVersion).isEqualTo(2);
        assertThat(ledger.headByKey("PENALTY", "k2").map(RecordHead::recordId)).contains("r2");
        assertThat(ledger.headByKey("LICENSE", "k1|张")).as("another dataset").isEmpty();
        assertThat(ledger.headByKey("PENALTY", "k3")).isEmpty();
    }

    @Test
    void headsOfASubjectAreFoundByAnyVersionsSubjectKeyLatestFirst() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0.plusSeconds(1)),
                withSubject(version("r3", 1, "k3", T0), "P:abc")));
        // a correction moved r4 from one subject to another: both subjects find it
        ledger.accept(List.of(withSubject(version("r4", 1, "k4", T0), "P:abc")));
        ledger.accept(List.of(version("r4", 2, "k4", T0.plusSeconds(9))));

        assertThat(ledger.headsOfSubject("91350100M000100Y43", 10)).extracting(RecordHead::recordId)
                .containsExactly("r4", "r2", "r1");
        assertThat(ledger.headsOfSubject("P:abc", 10)).extracting(RecordHead::recordId, RecordHead::currentVersion)
                .containsExactly(tuple("r4", 2), tuple("r3", 1));
        assertThat(ledger.headsOfSubject("91350100M000100Y43", 2)).extracting(RecordHead::recordId)
                .containsExactly("r4", "r2");
        assertThat(ledger.headsOfSubject("P:nobody", 10)).isEmpty();
    }

    private static RecordVersion withSubject(RecordVersion v, String subjectKey) {
        return new RecordVersion(v.recordId(), v.version(), v.op(), v.dataset(), v.department(), v.businessKey(),
                subjectKey, v.contentHash(), v.payload(), v.warnings(), v.receivedAt(), v.state());
    }

    @Test
    void acceptingTheSameVersionTwiceConflictsAndChangesNothing() {
        RecordVersion v = version("r1", 1, "k1", T0);
        ledger.accept(List.of(v));

        assertThatThrownBy(() -> ledger.accept(List.of(v))).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.version("r1", 1)).contains(v);
        assertThat(ledger.history("r1")).hasSize(1);
        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.VALIDATED, 1L));
    }

    @Test
    void aBatchWhoseThirdRecordConflictsStoresNoneOfTheFive() {
        ledger.accept(List.of(version("r3", 1, "k3", T0)));
        List<RecordVersion> batch = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> version("r" + i, 1, "k" + i, T0.plusSeconds(i))).toList();

        assertThatThrownBy(() -> ledger.accept(batch)).isInstanceOf(LedgerConflictException.class);
        assertThat(List.of("r1", "r2", "r4", "r5")).allSatisfy(id -> {
            assertThat(ledger.version(id, 1)).isEmpty();
            assertThat(ledger.head(id)).isEmpty();
            assertThat(ledger.history(id)).isEmpty();
        });
        assertThat(ledger.version("r3", 1)).get().extracting(RecordVersion::receivedAt).isEqualTo(T0);
        assertThat(ledger.history("r3")).hasSize(1);
        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.VALIDATED, 1L));
    }

    @Test
    void theSameBusinessKeyUnderAnotherIdConflictsAndRollsBackTheVersionRow() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));

        assertThatThrownBy(() -> ledger.accept(List.of(version("other", 1, "k1", T0))))
                .isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.version("other", 1)).isEmpty();
        assertThat(ledger.history("other")).isEmpty();
    }

    @Test
    void aNewVersionSupersedesThePreviousAndMovesTheHead() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.markQueued(List.of(new VersionRef("r1", 1)), T0.plusSeconds(1));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(60))));

        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::state).isEqualTo(RecordState.SUPERSEDED);
        assertThat(ledger.version("r1", 2)).get().extracting(RecordVersion::state).isEqualTo(RecordState.VALIDATED);
        assertThat(ledger.head("r1")).contains(new RecordHead("r1", "PENALTY", "k1", "samr", 2, "hash-r1-2",
                RecordState.VALIDATED, T0.plusSeconds(60)));
        assertThat(ledger.history("r1")).containsExactly(
                new HistoryEvent("r1", 1, T0, "RECEIVED_VALID", "ADD from samr"),
                new HistoryEvent("r1", 1, T0.plusSeconds(1), "QUEUED", "confirmed by the broker"),
                new HistoryEvent("r1", 1, T0.plusSeconds(60), "SUPERSEDED", "replaced by version 2"),
                new HistoryEvent("r1", 2, T0.plusSeconds(60), "RECEIVED_VALID", "UPDATE from samr"));
        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.SUPERSEDED, 1L, RecordState.VALIDATED, 1L));
    }

    @Test
    void versionsOneAndTwoOfARecordCanArriveInOneBatch() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r1", 2, "k1", T0.plusSeconds(1))));

        assertThat(ledger.head("r1")).get().extracting(RecordHead::currentVersion).isEqualTo(2);
        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::state).isEqualTo(RecordState.SUPERSEDED);
        assertThat(ledger.history("r1")).extracting(HistoryEvent::event, HistoryEvent::version)
                .containsExactly(tuple("RECEIVED_VALID", 1), tuple("SUPERSEDED", 1), tuple("RECEIVED_VALID", 2));
    }

    @Test
    void aVersionBuiltOnAStaleHeadConflicts() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.accept(List.of(version("r1", 2, "k1", T0)));

        assertThatThrownBy(() -> ledger.accept(List.of(version("r1", 2, "k1", T0))))
                .isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.accept(List.of(version("r9", 2, "k9", T0))))
                .isInstanceOf(LedgerConflictException.class).hasMessageContaining("r9 is not at version 1");
        assertThat(ledger.version("r9", 2)).isEmpty();
        assertThat(ledger.head("r1")).get().extracting(RecordHead::currentVersion).isEqualTo(2);
    }

    @Test
    void markQueuedMovesVersionAndHeadAndRecordsHistory() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0)));
        ledger.markQueued(List.of(new VersionRef("r1", 1)), T0.plusSeconds(5));

        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::state).isEqualTo(RecordState.QUEUED);
        assertThat(ledger.head("r1")).contains(new RecordHead("r1", "PENALTY", "k1", "samr", 1, "hash-r1-1",
                RecordState.QUEUED, T0.plusSeconds(5)));
        assertThat(ledger.head("r2")).get().extracting(RecordHead::state).isEqualTo(RecordState.VALIDATED);
        assertThat(ledger.history("r1")).last()
                .isEqualTo(new HistoryEvent("r1", 1, T0.plusSeconds(5), "QUEUED", "confirmed by the broker"));
        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.QUEUED, 1L, RecordState.VALIDATED, 1L));
    }

    @Test
    void markQueuedRecordsOnlyRealTransitions() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(1))));
        VersionRef current = new VersionRef("r1", 2);

        // v1 was superseded before the broker confirmed it; v2 is confirmed twice (a recovery re-send)
        ledger.markQueued(List.of(new VersionRef("r1", 1), current, current), T0.plusSeconds(2));
        ledger.markQueued(List.of(current), T0.plusSeconds(3));

        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::state).isEqualTo(RecordState.SUPERSEDED);
        assertThat(ledger.history("r1")).filteredOn(e -> e.event().equals("QUEUED"))
                .containsExactly(new HistoryEvent("r1", 2, T0.plusSeconds(2), "QUEUED", "confirmed by the broker"));
        assertThat(ledger.head("r1")).get().extracting(RecordHead::updatedAt).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void unqueuedReturnsOnlyValidatedStrictlyOlderThanTheCutOffOldestFirst() {
        ledger.accept(List.of(version("new", 1, "k1", T0.plusSeconds(100)), version("old", 1, "k2", T0),
                version("queued", 1, "k3", T0.minusSeconds(10)), version("atCutOff", 1, "k4", T0.plusSeconds(50))));
        ledger.markQueued(List.of(new VersionRef("queued", 1)), T0);

        assertThat(ledger.unqueued(T0.plusSeconds(50), 10)).extracting(RecordVersion::recordId).containsExactly("old");
        assertThat(ledger.unqueued(T0.plusSeconds(500), 10)).extracting(RecordVersion::recordId)
                .containsExactly("old", "atCutOff", "new");
        assertThat(ledger.unqueued(T0.plusSeconds(500), 2)).extracting(RecordVersion::recordId)
                .containsExactly("old", "atCutOff");
    }

    @Test
    void rejectionsAreKeptPerDepartmentNewestFirstWithPaging() {
        Rejection first = new Rejection(null, "samr", T0, "PENALTY", "榕市监罚〔2026〕1号", "{\"CF_WSH\":\"\"}",
                "[{\"code\":\"E_REQUIRED\"}]");
        Rejection second = new Rejection(null, "samr", T0.plusSeconds(1), null, null, "{}", "[]");
        Rejection sameInstant = new Rejection(null, "samr", T0.plusSeconds(1), null, "later-id", "{}", "[]");
        ledger.reject(List.of(first, second, new Rejection(null, "tax", T0, "LIST", null, "{}", "[]")));
        ledger.reject(List.of(sameInstant));

        List<Rejection> samr = ledger.rejections("samr", 0, 10);
        assertThat(samr).extracting(Rejection::senderRef).containsExactly("later-id", null, "榕市监罚〔2026〕1号");
        assertThat(samr.get(2)).isEqualTo(new Rejection(samr.get(2).id(), "samr", T0, "PENALTY", "榕市监罚〔2026〕1号",
                "{\"CF_WSH\":\"\"}", "[{\"code\":\"E_REQUIRED\"}]"));
        assertThat(samr).extracting(Rejection::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ledger.rejections("samr", 1, 1)).containsExactly(samr.get(1));
        assertThat(ledger.rejections("samr", 3, 10)).isEmpty();
        assertThat(ledger.rejections("tax", 0, 10)).singleElement().extracting(Rejection::dataset).isEqualTo("LIST");
        assertThat(ledger.rejections("nobody", 0, 10)).isEmpty();
    }

    @Test
    void countByStateCountsEveryVersion() {
        assertThat(ledger.countByState()).isEmpty();
        ledger.accept(List.of(version("a", 1, "ka", T0), version("b", 1, "kb", T0), version("c", 1, "kc", T0)));
        ledger.accept(List.of(version("a", 2, "ka", T0)));
        ledger.markQueued(List.of(new VersionRef("b", 1)), T0);

        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.VALIDATED, 2L, RecordState.QUEUED, 1L,
                RecordState.SUPERSEDED, 1L));
    }

    @Test
    void chinesePayloadsRoundTripExactly() {
        RecordVersion v = new RecordVersion("r1", 1, "ADD", "LICENSE", "samr", "福州市市场监督管理局|闽食许〔2026〕1号",
                "91350100M000100Y43", "h", "{\"XK_XKWS\":\"食品经营许可证（含“网络经营”）\",\"emoji\":\"𠮷😀\"}", "[]",
                T0, RecordState.VALIDATED);
        ledger.accept(List.of(v));
        assertThat(ledger.version("r1", 1)).contains(v);
    }

    @Test
    void largePayloadsAreNotCut() {
        String payload = "{\"CF_SY\":\"" + "违法事实".repeat(100_000) + "\"}";
        RecordVersion v = new RecordVersion("r1", 1, "ADD", "PENALTY", "samr", "k1", "s", "h", payload, "[]", T0,
                RecordState.VALIDATED);
        ledger.accept(List.of(v));
        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::payload).isEqualTo(payload);
    }

    @Test
    void instantsAreKeptToTheMicrosecondAsUtc() {
        Instant precise = Instant.parse("2026-11-20T23:59:59.123456789Z");
        ledger.accept(List.of(version("r1", 1, "k1", precise)));

        Instant expected = Instant.parse("2026-11-20T23:59:59.123456Z");
        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::receivedAt).isEqualTo(expected);
        assertThat(ledger.unqueued(expected, 10)).isEmpty();
        assertThat(ledger.unqueued(expected.plusNanos(1000), 10)).hasSize(1);
    }

    @Test
    void writesAreBatchedNotOneStatementPerRecord() {
        List<RecordVersion> added = IntStream.range(0, 100).mapToObj(i -> version("r" + i, 1, "k" + i, T0)).toList();
        List<RecordVersion> updated = IntStream.range(0, 100).mapToObj(i -> version("r" + i, 2, "k" + i, T0)).toList();

        statements.reset();
        ledger.accept(added);
        assertThat(statements.executions()).as("versions, heads, history").isEqualTo(3);

        statements.reset();
        ledger.accept(updated);
        assertThat(statements.executions()).as("versions, heads, superseded, history").isEqualTo(4);

        statements.reset();
        ledger.markQueued(updated.stream().map(RecordVersion::ref).toList(), T0);
        assertThat(statements.executions()).as("versions, heads, history").isEqualTo(3);
        assertThat(ledger.countByState()).isEqualTo(Map.of(RecordState.SUPERSEDED, 100L, RecordState.QUEUED, 100L));
    }

    @Test
    void migrationsAreRecordedOnceWithTheirChecksumAndReopeningIsHarmless() throws Exception {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        Ledgers.open(dataSource);
        Ledger reopened = Ledgers.open(dataSource);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, name, checksum FROM cg_schema_version "
                        + "ORDER BY version")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(1, "V1__ledger.sql", sha256("V1__ledger.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(2, "V2__watermark.sql", sha256("V2__watermark.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(3, "V3__delivery.sql", sha256("V3__delivery.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(5, "V5__reconciliation.sql", sha256("V5__reconciliation.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(6, "V6__shields.sql", sha256("V6__shields.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(7, "V7__expiry.sql", sha256("V7__expiry.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(8, "V8__objections.sql", sha256("V8__objections.sql"));
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                    .containsExactly(12, "V12__subject_index.sql", sha256("V12__subject_index.sql"));
            assertThat(rs.next()).isFalse();
        }
        assertThat(reopened.head("r1")).get().extracting(RecordHead::currentVersion).isEqualTo(1);
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefused() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cg_schema_version SET checksum = 'tampered' WHERE version = 1");
        }
        assertThatThrownBy(() -> Ledgers.open(dataSource)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger migration V1__ledger.sql was changed after it was applied");
    }

    @Test
    void countsPerDepartmentSeeOnlyThatDepartment() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0)));
        RecordVersion other = new RecordVersion("r3", 1, "ADD", "PENALTY", "swj", "k3", "91350100M000100Y43", "h3",
                "{}", "[]", T0, RecordState.VALIDATED);
        ledger.accept(List.of(other));

        assertThat(ledger.countByState("samr")).isEqualTo(Map.of(RecordState.VALIDATED, 2L));
        assertThat(ledger.countByState("swj")).isEqualTo(Map.of(RecordState.VALIDATED, 1L));
        assertThat(ledger.countByState("nobody")).isEmpty();
    }

    @Test
    void deliveriesPerUpstreamAreQueuedOnceAndMoveWithTheirReceipts() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0), Delivery.queued("r1", 1, "gsxt", T0)));
        int moved = ledger.updateDeliveries("province", List.of(new VersionRef("r1", 1)), DeliveryState.SENT,
                "batch-7", null, null, T0.plusSeconds(5));
        // a redelivered fan-out queues again: the province delivery keeps its state
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0.plusSeconds(6))));
        ledger.updateDeliveries("province", List.of(new VersionRef("r1", 1)), DeliveryState.ACCEPTED, null,
                "RCPT-42", null, T0.plusSeconds(9));
        ledger.updateDeliveries("gsxt", List.of(new VersionRef("r1", 1)), DeliveryState.REJECTED, "batch-8", "R-1",
                "E_GSXT: 缺少公示截止期", T0.plusSeconds(9));

        assertThat(moved).isEqualTo(1);
        assertThat(ledger.deliveries("r1")).extracting(Delivery::upstream, Delivery::state, Delivery::batchId,
                Delivery::receiptId, Delivery::error).containsExactly(
                        tuple("gsxt", DeliveryState.REJECTED, "batch-8", "R-1", "E_GSXT: 缺少公示截止期"),
                        tuple("province", DeliveryState.ACCEPTED, "batch-7", "RCPT-42", null));
        assertThat(ledger.deliveries("r1").get(1).queuedAt()).isEqualTo(T0);
        assertThat(ledger.countDeliveries("province")).isEqualTo(Map.of(DeliveryState.ACCEPTED, 1L));
        assertThat(ledger.updateDeliveries("national", List.of(new VersionRef("r1", 1)), DeliveryState.SENT, null,
                null, null, T0)).as("no such delivery").isZero();
    }

    @Test
    void aShieldShieldsItsTargetSuppressesWhatIsStillQueuedAndIsIdempotent() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r1", 2, "k1", T0.plusSeconds(1))));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0), Delivery.queued("r1", 2, "province",
                T0), Delivery.queued("r1", 2, "national", T0)));
        ledger.updateDeliveries("province", List.of(new VersionRef("r1", 1)), DeliveryState.ACCEPTED, null, "RC-1",
                null, T0.plusSeconds(2));
        ShieldEntry shield = new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", "榕信修〔2026〕1号",
                T0.plusSeconds(3), "samr", T0.plusSeconds(3));

        assertThat(ledger.applyShield(shield)).isEqualTo(shield);
        ShieldEntry again = new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REVOKED", null, null, "other",
                T0.plusSeconds(9));
        assertThat(ledger.applyShield(again)).as("same shieldId: the first entry").isEqualTo(shield);

        assertThat(ledger.head("r1")).get().extracting(RecordHead::state).isEqualTo(RecordState.SHIELDED);
        assertThat(ledger.version("r1", 2)).get().extracting(RecordVersion::state).isEqualTo(RecordState.SHIELDED);
        assertThat(ledger.deliveries("r1")).extracting(Delivery::version, Delivery::upstream, Delivery::state)
                .containsExactly(tuple(1, "province", DeliveryState.ACCEPTED),
                        tuple(2, "national", DeliveryState.SUPPRESSED), tuple(2, "province", DeliveryState.SUPPRESSED));
        assertThat(ledger.history("r1")).extracting(HistoryEvent::event).containsSubsequence("SHIELDED",
                "SUPPRESSED", "SUPPRESSED");
        assertThat(ledger.history("r1")).filteredOn(e -> e.event().equals("SHIELDED")).hasSize(1);
        assertThat(ledger.shield("S-1")).contains(shield);
        assertThat(ledger.shieldsOf("r1")).containsExactly(shield);
        assertThatThrownBy(() -> ledger.applyShield(new ShieldEntry("S-2", "s2", "nope", "PENALTY", "REPAIR", null,
                null, "samr", T0))).hasMessageContaining("does not hold");
    }

    static ObjectionEntry objection(String objectionId, String target, LocalDate dueOn, Instant at) {
        return ObjectionEntry.opened(objectionId, "o-" + objectionId, 1, target, "PENALTY", 1, "samr",
                "operator:xyb", LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 24), dueOn, at);
    }

    @Test
    void anObjectionIsOpenedOnceWithItsOverlayAndHistoryOnTheTarget() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ObjectionEntry opened = objection("YY-1", "r1", LocalDate.of(2025, 3, 3), T0.plusSeconds(1));

        assertThat(ledger.openObjection(opened)).isEqualTo(opened);
        ObjectionEntry again = ObjectionEntry.opened("YY-1", "o-other", 1, "r1", "PENALTY", 1, "swj", "swj",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 2, 1), T0.plusSeconds(9));
        assertThat(ledger.openObjection(again)).as("same objectionId: the first entry").isEqualTo(opened);

        assertThat(ledger.objection("YY-1")).contains(opened);
        assertThat(ledger.objection("YY-1")).get().satisfies(o -> {
            assertThat(o.pending()).isTrue();
            assertThat(o.dueOn()).isEqualTo(LocalDate.of(2025, 3, 3));
            assertThat(o.correctedVersion()).isNull();
            assertThat(o.resultOn()).isNull();
        });
        assertThat(ledger.objectionsOf("r1")).containsExactly(opened);
        ObjectionEntry changed = ObjectionEntry.opened("YY-1", "o-YY-1", 2, "r1", "PENALTY", 1, "samr", "operator:xyb",
                LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 27), LocalDate.of(2025, 3, 4), T0.plusSeconds(9));
        assertThat(ledger.openObjection(changed)).as("a changed opening: only the applied version moves")
                .extracting(ObjectionEntry::recordVersion, ObjectionEntry::dueOn, ObjectionEntry::openedAt)
                .containsExactly(2, LocalDate.of(2025, 3, 3), T0.plusSeconds(1));
        assertThat(ledger.objectionsOf("r2")).isEmpty();
        assertThat(ledger.history("r1")).filteredOn(e -> e.event().equals("OBJECTION_PENDING")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("YY-1", "2025-03-03", "joint punishment suspended"));
        assertThatThrownBy(() -> ledger.openObjection(objection("YY-2", "nope", LocalDate.of(2025, 3, 3), T0)))
                .hasMessageContaining("does not hold");
    }

    @Test
    void aResultClearsThePendingObjectionOnceAndKeepsTheFirstResult() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r1", 2, "k1", T0.plusSeconds(5))));
        ledger.openObjection(objection("YY-1", "r1", LocalDate.of(2025, 3, 3), T0.plusSeconds(1)));

        ObjectionEntry corrected = ledger.resolveObjection("YY-1", ObjectionStatus.CORRECTED, LocalDate.of(2025, 2, 20),
                2, 2, T0.plusSeconds(10)).orElseThrow();
        ObjectionEntry later = ledger.resolveObjection("YY-1", ObjectionStatus.REVOKED, LocalDate.of(2025, 2, 21),
                null, 3, T0.plusSeconds(20)).orElseThrow();

        assertThat(corrected.status()).isEqualTo(ObjectionStatus.CORRECTED);
        assertThat(corrected.pending()).isFalse();
        assertThat(corrected.correctedVersion()).isEqualTo(2);
        assertThat(corrected.resultOn()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(corrected.resolvedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(corrected.recordVersion()).isEqualTo(2);
        assertThat(later).as("a resolved objection keeps its result; only the applied version moves")
                .isEqualTo(new ObjectionEntry("YY-1", "o-YY-1", 3, "r1", "PENALTY", 1, "samr", "operator:xyb",
                        LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 24), LocalDate.of(2025, 3, 3),
                        ObjectionStatus.CORRECTED, LocalDate.of(2025, 2, 20), 2, T0.plusSeconds(1),
                        T0.plusSeconds(10), null));
        assertThat(ledger.history("r1")).filteredOn(e -> e.event().startsWith("OBJECTION_"))
                .extracting(HistoryEvent::event, HistoryEvent::version)
                .containsExactly(tuple("OBJECTION_PENDING", 1), tuple("OBJECTION_CORRECTED", 2));
        assertThat(ledger.resolveObjection("none", ObjectionStatus.CONFIRMED, LocalDate.of(2025, 2, 20), null, 2,
                T0)).isEmpty();
    }

    @Test
    void objectionsAreListedPerProviderEarliestDueFirstAndTheOverdueAlertIsKeptOnce() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0), version("r3", 1, "k3", T0)));
        ledger.openObjection(objection("YY-LATE", "r1", LocalDate.of(2025, 5, 9), T0));
        ledger.openObjection(objection("YY-EARLY", "r2", LocalDate.of(2025, 3, 3), T0));
        ledger.openObjection(ObjectionEntry.opened("YY-SWJ", "o-YY-SWJ", 1, "r3", "PENALTY", 1, "swj", "swj",
                LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 30), T0));
        ledger.resolveObjection("YY-LATE", ObjectionStatus.CONFIRMED, LocalDate.of(2025, 4, 1), null, 2, T0);
        ledger.noteObjectionOverdue("YY-EARLY", T0.plusSeconds(60));
        ledger.noteObjectionOverdue("YY-EARLY", T0.plusSeconds(120));

        assertThat(ledger.objections("samr", true, 10)).extracting(ObjectionEntry::objectionId)
                .containsExactly("YY-EARLY");
        assertThat(ledger.objections("samr", false, 10)).extracting(ObjectionEntry::objectionId)
                .containsExactly("YY-EARLY", "YY-LATE");
        assertThat(ledger.objections(null, true, 10)).extracting(ObjectionEntry::objectionId)
                .containsExactly("YY-EARLY", "YY-SWJ");
        assertThat(ledger.objections(null, false, 1)).hasSize(1);
        assertThat(ledger.objection("YY-EARLY")).get().extracting(ObjectionEntry::overdueAlertedAt)
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void objectionRecordsTheRowsDoNotReflectYetAreFoundForCatchingUp() {
        RecordVersion opening = new RecordVersion("o-1", 1, "ADD", "OBJECTION", "swj", "YY-1", "R:r1", "h1", "{}",
                "[]", T0, RecordState.VALIDATED);
        RecordVersion result = new RecordVersion("o-1", 2, "UPDATE", "OBJECTION", "samr", "YY-1", "R:r1", "h2", "{}",
                "[]", T0.plusSeconds(5), RecordState.VALIDATED);
        ledger.accept(List.of(version("r1", 1, "k1", T0), opening));
        assertThat(ledger.objectionsBehind(10)).as("not yet confirmed by the broker").isEmpty();

        ledger.markQueued(List.of(opening.ref()), T0.plusSeconds(1));
        assertThat(ledger.objectionsBehind(10)).containsExactly(new VersionRef("o-1", 1));

        ledger.openObjection(ObjectionEntry.opened("YY-1", "o-1", 1, "r1", "PENALTY", 1, "samr", "swj",
                LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 24), LocalDate.of(2025, 3, 3), T0));
        assertThat(ledger.objectionsBehind(10)).isEmpty();

        ledger.accept(List.of(result));
        ledger.markQueued(List.of(result.ref()), T0.plusSeconds(6));
        assertThat(ledger.objectionsBehind(10)).containsExactly(new VersionRef("o-1", 2));
        ledger.resolveObjection("YY-1", ObjectionStatus.CONFIRMED, LocalDate.of(2025, 2, 1), null, 2, T0);
        assertThat(ledger.objectionsBehind(10)).isEmpty();
    }

    @Test
    void aPlatformShieldSuppressesOnlyThatPlatformAndLeavesTheRecordPublished() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "gsxt", T0), Delivery.queued("r1", 1, "province",
                T0)));
        ShieldEntry gsxtOnly = new ShieldEntry("S-G", "sg", "r1", "PENALTY", "EXPIRED", null, T0, "gateway",
                T0.plusSeconds(1));

        assertThat(ledger.applyPlatformShield(gsxtOnly, java.util.Set.of("gsxt"))).isEqualTo(gsxtOnly);
        assertThat(ledger.applyPlatformShield(gsxtOnly, java.util.Set.of("gsxt"))).as("idempotent").isEqualTo(gsxtOnly);
        assertThat(ledger.head("r1")).get().extracting(RecordHead::state).isNotEqualTo(RecordState.SHIELDED);
        assertThat(ledger.deliveries("r1")).extracting(Delivery::upstream, Delivery::state).containsExactly(
                tuple("gsxt", DeliveryState.SUPPRESSED), tuple("province", DeliveryState.QUEUED));
        assertThat(ledger.history("r1")).extracting(HistoryEvent::event).contains("SHIELDED_AT")
                .doesNotContain("SHIELDED");
        assertThat(ledger.shieldedPlatforms("r1")).isEmpty();
        ledger.queueShieldDispatches("S-G", java.util.Map.of("gsxt", 1), T0.plusSeconds(2));
        assertThat(ledger.shieldedPlatforms("r1")).containsExactly("gsxt");
    }

    @Test
    void aClaimTakesOnlyAQueuedDeliveryAndLosesToAShieldThatCameFirst() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0)));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0), Delivery.queued("r1", 1, "national",
                T0), Delivery.queued("r2", 1, "province", T0)));

        assertThat(ledger.claimDelivery("province", new VersionRef("r1", 1), T0.plusSeconds(1)))
                .contains(DeliveryState.SENT);
        assertThat(ledger.claimDelivery("province", new VersionRef("r1", 1), T0.plusSeconds(2)))
                .as("claimed once: the second claim sees SENT, i.e. it may have left").contains(DeliveryState.SENT);
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, T0, "samr",
                T0.plusSeconds(3)));
        assertThat(ledger.deliveries("r1")).extracting(Delivery::upstream, Delivery::state).containsExactly(
                tuple("national", DeliveryState.SUPPRESSED), tuple("province", DeliveryState.SENT));
        assertThat(ledger.claimDelivery("national", new VersionRef("r1", 1), T0.plusSeconds(4)))
                .as("the shield came first: never sent").contains(DeliveryState.SUPPRESSED);
        assertThat(ledger.claimDelivery("gsxt", new VersionRef("r2", 1), T0)).isEmpty();
    }

    @Test
    void theShieldProofMovesWithTheShieldsDeliveries() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, null, "samr", T0));
        ledger.queueShieldDispatches("S-1", Map.of("province", 1, "national", 1), T0.plusSeconds(1));
        ledger.queueShieldDispatches("S-1", Map.of("province", 7), T0.plusSeconds(2));
        ledger.queueDeliveries(List.of(Delivery.queued("s1", 1, "province", T0), Delivery.queued("s1", 1, "national",
                T0)));

        ledger.shieldDispatching("s1", "national", T0.plusSeconds(3));
        ledger.shieldDispatching("s1", "national", T0.plusSeconds(30));
        ledger.updateDeliveries("national", List.of(new VersionRef("s1", 1)), DeliveryState.ACCEPTED, null, "N-9",
                null, T0.plusSeconds(4));
        ledger.updateDeliveries("province", List.of(new VersionRef("s1", 1)), DeliveryState.SENT, "M-1", null, null,
                T0.plusSeconds(5));
        ledger.noteShieldAlert("S-1", "province", T0.plusSeconds(6));
        ledger.noteShieldResend("S-1", "province", T0.plusSeconds(7));

        assertThat(ledger.shieldDispatches("S-1")).containsExactly(
                new ShieldDispatch("S-1", "national", 1, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(4),
                        "N-9", null, 0, null, null),
                new ShieldDispatch("S-1", "province", 1, T0.plusSeconds(1), T0.plusSeconds(5), null, null, null, 1,
                        T0.plusSeconds(7), T0.plusSeconds(6)));
        assertThat(ledger.openShieldDispatches(10)).extracting(ShieldDispatch::upstream).containsExactly("province");
        assertThat(ledger.shieldDispatching("s1", "province", T0.plusSeconds(8))).as("still open").isTrue();
        ledger.updateDeliveries("province", List.of(new VersionRef("s1", 1)), DeliveryState.ACCEPTED, null, "P-2",
                null, T0.plusSeconds(8));
        assertThat(ledger.openShieldDispatches(10)).isEmpty();
        assertThat(ledger.shieldDispatching("s1", "province", T0.plusSeconds(9))).as("acked: not needed").isFalse();
    }

    @Test
    void aLaterVersionOfAShieldedRecordLeavesItShielded() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, null, "samr", T0));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(1))));

        assertThat(ledger.head("r1")).get().extracting(RecordHead::currentVersion, RecordHead::state)
                .containsExactly(2, RecordState.SHIELDED);
    }

    @Test
    void deliveriesToAnUpstreamCarryTheirRecordsDatasetAndCurrentVersion() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0)));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(1))));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0), Delivery.queued("r1", 2, "province", T0),
                Delivery.queued("r2", 1, "province", T0), Delivery.queued("r2", 1, "gsxt", T0)));
        ledger.updateDeliveries("province", List.of(new VersionRef("r1", 1)), DeliveryState.ACCEPTED, null, "R-1", null,
                T0.plusSeconds(3));

        assertThat(ledger.deliveriesTo("province")).extracting(d -> d.delivery().recordId(), d -> d.delivery().version(),
                d -> d.delivery().state(), UpstreamDelivery::dataset, UpstreamDelivery::currentVersion).containsExactly(
                        tuple("r1", 1, DeliveryState.ACCEPTED, "PENALTY", 2),
                        tuple("r1", 2, DeliveryState.QUEUED, "PENALTY", 2),
                        tuple("r2", 1, DeliveryState.QUEUED, "PENALTY", 1));
        assertThat(ledger.deliveriesTo("national")).isEmpty();
    }

    @Test
    void automaticResendsAreCountedPerDeliveryAndTheGivingUpKept() {
        VersionRef r1 = new VersionRef("r1", 1);
        assertThat(ledger.countAutoResend("province", r1, T0)).isEqualTo(1);
        assertThat(ledger.countAutoResend("province", r1, T0.plusSeconds(60))).isEqualTo(2);
        assertThat(ledger.countAutoResend("gsxt", r1, T0)).as("per upstream").isEqualTo(1);
        ledger.markDeadLettered("province", r1, T0.plusSeconds(120));
        ledger.markDeadLettered("national", new VersionRef("r9", 3), T0);

        assertThat(ledger.autoResends("province")).containsExactly(Map.entry(r1,
                new AutoResends("r1", 1, "province", 2, T0.plusSeconds(60), T0.plusSeconds(120))));
        assertThat(ledger.autoResends("national").get(new VersionRef("r9", 3)).tries()).isZero();
        assertThat(ledger.autoResends("creditchina")).isEmpty();
    }

    @Test
    void reconciliationReportsAreKeptAndTheLatestPerUpstreamFound() {
        ledger.saveReconciliation("province", T0, "{\"run\":1}");
        ledger.saveReconciliation("province", T0.plusSeconds(86_400), "{\"run\":2,\"备注\":\"缺失\"}");
        ledger.saveReconciliation("gsxt", T0, "{\"run\":3}");

        assertThat(ledger.latestReconciliation("province")).get().satisfies(r -> {
            assertThat(r.runAt()).isEqualTo(T0.plusSeconds(86_400));
            assertThat(r.report()).isEqualTo("{\"run\":2,\"备注\":\"缺失\"}");
        });
        assertThat(ledger.latestReconciliation("national")).isEmpty();
        assertThat(ledger.latestReconciliations()).extracting(ReconciliationRun::upstream, ReconciliationRun::report)
                .containsExactly(tuple("gsxt", "{\"run\":3}"), tuple("province", "{\"run\":2,\"备注\":\"缺失\"}"));
    }

    @Test
    void currentVersionsOfDatasetsSinceATime() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0.plusSeconds(60))));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(120))));

        assertThat(ledger.currentVersions(List.of("PENALTY"), T0, 10)).extracting(RecordVersion::recordId,
                RecordVersion::version).containsExactly(tuple("r2", 1), tuple("r1", 2));
        assertThat(ledger.currentVersions(List.of("PENALTY"), T0.plusSeconds(90), 10)).hasSize(1);
        assertThat(ledger.currentVersions(List.of("LICENSE"), T0, 10)).isEmpty();
        assertThat(ledger.currentVersions(List.of("PENALTY"), T0, 1)).hasSize(1);
    }

    @Test
    void expiryCandidatesPageByRecordIdAndSkipRecordsEndedOtherwise() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0), version("r3", 1, "k3", T0),
                version("r4", 1, "k4", T0), version("r5", 1, "k5", T0), version("r6", 1, "k6", T0)));
        ledger.accept(List.of(version("r2", 2, "k2", T0.plusSeconds(1))));
        RecordVersion deleted = version("r6", 2, "k6", T0.plusSeconds(1));
        ledger.accept(List.of(new RecordVersion("r6", 2, "DELETE", "PENALTY", "samr", "k6", deleted.subjectKey(),
                deleted.contentHash(), deleted.payload(), "[]", deleted.receivedAt(), RecordState.VALIDATED)));
        ledger.accept(List.of(new RecordVersion("l1", 1, "ADD", "LIST", "tax", "kl", "s", "h", "{}", "[]", T0,
                RecordState.VALIDATED)));
        // r3 repaired: ended for good; r4 expired at one platform only: still due at the others
        ledger.applyShield(new ShieldEntry("S-3", "s3", "r3", "PENALTY", "REPAIR", null, T0, "gateway", T0));
        ledger.applyShield(new ShieldEntry("S-4", "s4", "r4", "PENALTY", "EXPIRED", null, T0, "gateway", T0));

        List<RecordVersion> first = ledger.expiryCandidates(List.of("PENALTY"), null, 2);
        assertThat(first).extracting(RecordVersion::recordId, RecordVersion::version)
                .containsExactly(tuple("r1", 1), tuple("r2", 2));
        assertThat(ledger.expiryCandidates(List.of("PENALTY"), "r2", 2)).extracting(RecordVersion::recordId,
                RecordVersion::state).containsExactly(tuple("r4", RecordState.SHIELDED), tuple("r5",
                        RecordState.VALIDATED));
        assertThat(ledger.expiryCandidates(List.of("PENALTY"), "r5", 2)).isEmpty();
        assertThat(ledger.expiryCandidates(List.of("PENALTY", "LIST"), null, 10)).extracting(RecordVersion::recordId)
                .containsExactly("l1", "r1", "r2", "r4", "r5");
        assertThat(ledger.expiryCandidates(List.of(), null, 10)).isEmpty();
    }

    @Test
    void watermarksAdvanceRewindAndKeepTheirHistory() {
        assertThat(ledger.watermark("table-sthjj")).isEmpty();
        ledger.setWatermark("table-sthjj", "2026-11-20T10:00:00Z|17", T0, "advance");
        ledger.setWatermark("table-sthjj", "2026-11-20T11:00:00Z|42", T0.plusSeconds(60), "advance");
        ledger.setWatermark("court-zjfy", "seq:9", T0, "advance");

        assertThat(ledger.watermark("table-sthjj")).contains("2026-11-20T11:00:00Z|42");
        ledger.setWatermark("table-sthjj", null, T0.plusSeconds(120), "rewind by karaf: re-read after fix");

        assertThat(ledger.watermark("table-sthjj")).isEmpty();
        assertThat(ledger.watermark("court-zjfy")).contains("seq:9");
        assertThat(ledger.watermarkLog("table-sthjj", 10)).extracting(WatermarkChange::value, WatermarkChange::reason)
                .containsExactly(tuple(null, "rewind by karaf: re-read after fix"),
                        tuple("2026-11-20T11:00:00Z|42", "advance"), tuple("2026-11-20T10:00:00Z|17", "advance"));
    }

    @Test
    void healthIsFalseOnceThePoolIsClosed() {
        assertThat(ledger.isHealthy()).isTrue();
        LedgerDataSources.close(dataSource);
        assertThat(ledger.isHealthy()).isFalse();
    }

    private static String sha256(String migration) throws Exception {
        String path = "/org/creditgate/ledger/migration/" + migration;
        try (InputStream in = LedgerContractTest.class.getResourceAsStream(path)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
