package org.creditgate.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One poll at a time, without Camel: paging, write-back, restart, failures and changed rows on a real H2 table. */
class TablePollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleTable table;
    private TestGateway gateway;
    private TablePoller poller;

    @BeforeEach
    void setUp() throws Exception {
        table = new ExampleTable();
        TableConnector connector = connector(Map.of("poll.pageSize", "2"));
        gateway = new TestGateway(connector.descriptor());
        poller = poller(connector);
    }

    @AfterEach
    void tearDown() throws Exception {
        poller.stop();
        gateway.close();
    }

    @Test
    void pagesByUpdateTimeAndBreaksTiesById() throws Exception {
        Instant same = ExampleTable.BASE;
        for (long id : new long[] {5, 3, 1, 4, 2}) {
            table.insertValid(id, same);
        }
        table.insertValid(9, same.minusSeconds(60));

        assertThat(poller.pollPage()).isEqualTo(2);
        assertThat(table.processed()).containsExactly(1L, 9L);
        assertThat(gateway.watermark().get()).contains(same + "|1");
        assertThat(poller.pollPage()).isEqualTo(2);
        assertThat(poller.pollPage()).isEqualTo(2);
        assertThat(gateway.watermark().get()).contains(same + "|5");
        assertThat(poller.pollPage()).isZero();

        assertThat(table.processed()).containsExactly(1L, 2L, 3L, 4L, 5L, 9L);
        assertThat(gateway.enqueued()).extracting(r -> r.recordId()).doesNotHaveDuplicates().hasSize(6);
        assertThat(gateway.lastSourceTime()).contains(same);
    }

    @Test
    void writesAcceptedAndRejectedOutcomesBackWithTheDepartmentsColumnNames() throws Exception {
        table.insertValid(1, ExampleTable.BASE);
        table.insertBadUscc(2, ExampleTable.BASE.plusSeconds(1));

        assertThat(poller.pollPage()).isEqualTo(2);

        Map<String, Object> good = table.status(1);
        assertThat(good.get("cg_status")).isEqualTo("ACCEPTED");
        assertThat(good.get("cg_record_id")).isEqualTo(gateway.enqueued().get(0).recordId());
        assertThat(good.get("cg_processed_at")).isNotNull();
        assertThat((String) good.get("cg_fingerprint")).startsWith("ADD:");
        assertThat(good.get("updated_at")).as("write-back leaves the update time alone").isEqualTo(ExampleTable.BASE);

        Map<String, Object> bad = table.status(2);
        assertThat(bad.get("cg_status")).isEqualTo("REJECTED");
        assertThat(bad.get("cg_record_id")).isNull();
        JsonNode errors = JSON.readTree((String) bad.get("cg_errors"));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo("subject_uscc");
            assertThat(e.get("code").asText()).startsWith("E_USCC");
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(gateway.rejections()).hasSize(1);
    }

    @Test
    void aRestartResumesFromTheWatermarkWithoutDuplicates() throws Exception {
        for (long id = 1; id <= 5; id++) {
            table.insertValid(id, ExampleTable.BASE.plusSeconds(id));
        }
        assertThat(poller.pollPage()).isEqualTo(2);
        poller.stop();

        poller = poller(connector(Map.of("poll.pageSize", "2")));
        while (poller.pollPage() > 0) {
            // drain
        }
        assertThat(table.processed()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(gateway.enqueued()).hasSize(5);
        assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED)).as("nothing read twice").isZero();
        assertThat(gateway.ingestCalls()).isEqualTo(3);
    }

    @Test
    void anIngestFailureKeepsTheWatermarkAndTheRowsUnprocessed() throws Exception {
        table.insertValid(1, ExampleTable.BASE);
        gateway.failIngest("broker down");

        assertThat(poller.pollPage()).isZero();
        assertThat(gateway.watermark().get()).isEmpty();
        assertThat(table.statusOf(1)).isEmpty();

        gateway.failIngest(null);
        assertThat(poller.pollPage()).isEqualTo(1);
        assertThat(table.statusOf(1)).contains("ACCEPTED");
        assertThat(gateway.enqueued()).hasSize(1);
    }

    @Test
    void aChangedRowIsReadAgainAndIngestedAsAnUpdateOfTheSameRecord() throws Exception {
        table.insertValid(1, ExampleTable.BASE);
        poller.pollPage();
        String recordId = (String) table.status(1).get("cg_record_id");

        table.changeFine(1, "3", ExampleTable.BASE.plusSeconds(30));
        assertThat(poller.pollPage()).isEqualTo(1);

        assertThat(gateway.enqueued()).hasSize(2);
        assertThat(gateway.enqueued().get(1).recordId()).isEqualTo(recordId);
        assertThat(gateway.enqueued().get(1).version()).isEqualTo(2);
        assertThat(gateway.enqueued().get(1).op()).isEqualTo("UPDATE");
        assertThat(table.status(1)).containsEntry("cg_status", "ACCEPTED").containsEntry("cg_record_id", recordId);
        assertThat((String) table.status(1).get("cg_fingerprint")).startsWith("UPDATE:");

        table.touch(1, ExampleTable.BASE.plusSeconds(60));
        assertThat(poller.pollPage()).as("an unchanged re-export").isEqualTo(1);
        assertThat(table.status(1)).containsEntry("cg_status", "ALREADY_ACCEPTED");
        assertThat(gateway.enqueued()).as("no new version for unchanged content").hasSize(2);
    }

    @Test
    void aRewindReadsEverythingAgainAndStoresNothingNew() throws Exception {
        table.insertValid(1, ExampleTable.BASE);
        table.insertValid(2, ExampleTable.BASE.plusSeconds(1));
        poller.pollPage();
        gateway.watermark().set("");

        assertThat(poller.pollPage()).isEqualTo(2);
        assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED)).isEqualTo(2);
        assertThat(gateway.enqueued()).hasSize(2);
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithoutAdvancing() throws Exception {
        TableConnector down = connector(Map.of("jdbc.url", "jdbc:h2:mem:no-such-db;IFEXISTS=TRUE",
                "jdbc.connectTimeout", "300ms"));
        TablePoller downPoller = poller(down);
        try {
            assertThat(downPoller.pollPage()).isZero();
            assertThat(downPoller.pollPage()).isZero();
            assertThat(gateway.ingestCalls()).isZero();
            assertThat(gateway.watermark().get()).isEmpty();
        } finally {
            downPoller.stop();
        }
    }

    private TableConnector connector(Map<String, String> overrides) {
        Map<String, Object> props = ExampleConfig.properties(table.url());
        props.putAll(overrides);
        TableConnector connector = new TableConnector(props);
        assertThat(connector.problem()).isEmpty();
        return connector;
    }

    private TablePoller poller(TableConnector connector) {
        TablePoller p = new TablePoller(connector.settings().orElseThrow(), gateway);
        p.start();
        return p;
    }
}
