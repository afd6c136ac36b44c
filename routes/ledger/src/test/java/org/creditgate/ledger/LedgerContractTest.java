package org.creditgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every ledger database must do the same way. Each subclass supplies a fresh, empty database.
 */
abstract class LedgerContractTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    protected DataSource dataSource;
    protected Ledger ledger;

    /** A fresh, empty database for one test. */
    protected abstract LedgerSettings freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = LedgerDataSources.create(freshDatabase());
        ledger = Ledgers.open(dataSource);
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
        assertThat(ledger.history("r1")).extracting(HistoryEvent::event).containsExactly("RECEIVED_VALID");
        assertThat(ledger.head("unknown")).isEmpty();
    }

    @Test
    void aBatchIsAtomicWhenOneRecordConflicts() {
        ledger.accept(List.of(version("r3", 1, "k3", T0)));
        List<RecordVersion> batch = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> version("r" + i, 1, "k" + i, T0.plusSeconds(i))).toList();

        assertThatThrownBy(() -> ledger.accept(batch)).isInstanceOf(LedgerConflictException.class);
        assertThat(List.of("r1", "r2", "r4", "r5")).allSatisfy(id -> assertThat(ledger.head(id)).isEmpty());
        assertThat(ledger.countByState()).containsEntry(RecordState.VALIDATED, 1L);
    }

    @Test
    void theSameBusinessKeyUnderAnotherIdConflicts() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        assertThatThrownBy(() -> ledger.accept(List.of(version("other", 1, "k1", T0))))
                .isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void aNewVersionSupersedesThePreviousAndMovesTheHead() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.markQueued(List.of(new VersionRef("r1", 1)), T0.plusSeconds(1));
        ledger.accept(List.of(version("r1", 2, "k1", T0.plusSeconds(60))));

        assertThat(ledger.version("r1", 1)).get().extracting(RecordVersion::state).isEqualTo(RecordState.SUPERSEDED);
        assertThat(ledger.head("r1")).get().satisfies(h -> {
            assertThat(h.currentVersion()).isEqualTo(2);
            assertThat(h.currentContentHash()).isEqualTo("hash-r1-2");
            assertThat(h.state()).isEqualTo(RecordState.VALIDATED);
        });
        assertThat(ledger.history("r1")).extracting(HistoryEvent::event)
                .containsExactly("RECEIVED_VALID", "QUEUED", "SUPERSEDED", "RECEIVED_VALID");
    }

    @Test
    void aVersionBuiltOnAStaleHeadConflicts() {
        ledger.accept(List.of(version("r1", 1, "k1", T0)));
        ledger.accept(List.of(version("r1", 2, "k1", T0)));
        assertThatThrownBy(() -> ledger.accept(List.of(version("r1", 2, "k1", T0))))
                .isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void markQueuedMovesVersionAndHeadAndRecordsHistory() {
        ledger.accept(List.of(version("r1", 1, "k1", T0), version("r2", 1, "k2", T0)));
        ledger.markQueued(List.of(new VersionRef("r1", 1)), T0.plusSeconds(5));

        assertThat(ledger.head("r1")).get().extracting(RecordHead::state).isEqualTo(RecordState.QUEUED);
        assertThat(ledger.head("r2")).get().extracting(RecordHead::state).isEqualTo(RecordState.VALIDATED);
        assertThat(ledger.history("r1")).last().satisfies(e -> {
            assertThat(e.event()).isEqualTo("QUEUED");
            assertThat(e.at()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(ledger.countByState()).containsEntry(RecordState.QUEUED, 1L).containsEntry(RecordState.VALIDATED, 1L);
    }

    @Test
    void unqueuedReturnsOnlyValidatedOlderThanTheCutOffOldestFirst() {
        ledger.accept(List.of(version("new", 1, "k1", T0.plusSeconds(100)), version("old", 1, "k2", T0),
                version("queued", 1, "k3", T0.minusSeconds(10))));
        ledger.markQueued(List.of(new VersionRef("queued", 1)), T0);

        assertThat(ledger.unqueued(T0.plusSeconds(50), 10)).extracting(RecordVersion::recordId).containsExactly("old");
        assertThat(ledger.unqueued(T0.plusSeconds(500), 10)).extracting(RecordVersion::recordId)
                .containsExactly("old", "new");
        assertThat(ledger.unqueued(T0.plusSeconds(500), 1)).hasSize(1);
    }

    @Test
    void rejectionsAreKeptPerDepartmentNewestFirstWithPaging() {
        ledger.reject(List.of(
                new Rejection(null, "samr", T0, "PENALTY", "榕市监罚〔2026〕1号", "{\"CF_WSH\":\"\"}", "[{\"code\":\"E_REQUIRED\"}]"),
                new Rejection(null, "samr", T0.plusSeconds(1), null, null, "{}", "[]"),
                new Rejection(null, "tax", T0, "LIST", null, "{}", "[]")));

        List<Rejection> samr = ledger.rejections("samr", 0, 10);
        assertThat(samr).hasSize(2);
        assertThat(samr.get(0).receivedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(samr.get(1)).satisfies(r -> {
            assertThat(r.id()).isNotNull();
            assertThat(r.senderRef()).isEqualTo("榕市监罚〔2026〕1号");
            assertThat(r.errors()).isEqualTo("[{\"code\":\"E_REQUIRED\"}]");
        });
        assertThat(ledger.rejections("samr", 1, 10)).hasSize(1);
        assertThat(ledger.rejections("tax", 0, 10)).singleElement().extracting(Rejection::dataset).isEqualTo("LIST");
    }

    @Test
    void chinesePayloadsRoundTripExactly() {
        RecordVersion v = new RecordVersion("r1", 1, "ADD", "LICENSE", "samr", "福州市市场监督管理局|闽食许〔2026〕1号",
                "91350100M000100Y43", "h", "{\"XK_XKWS\":\"食品经营许可证（含“网络经营”）\"}", "[]",
                T0.truncatedTo(ChronoUnit.MILLIS), RecordState.VALIDATED);
        ledger.accept(List.of(v));
        assertThat(ledger.version("r1", 1)).contains(v);
    }

    @Test
    void migrationsAreIdempotentAndATamperedOneIsRefused() throws Exception {
        Ledgers.open(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cg_schema_version SET checksum = 'tampered' WHERE version = 1");
        }
        assertThatThrownBy(() -> Ledgers.open(dataSource)).hasMessageContaining("V1__ledger.sql was changed");
    }

    @Test
    void healthIsFalseOnceThePoolIsClosed() {
        assertThat(ledger.isHealthy()).isTrue();
        LedgerDataSources.close(dataSource);
        assertThat(ledger.isHealthy()).isFalse();
    }
}
