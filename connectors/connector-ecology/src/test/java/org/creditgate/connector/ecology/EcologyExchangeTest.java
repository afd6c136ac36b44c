package org.creditgate.connector.ecology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.connector.ecology.sim.EcologySimulator;
import org.creditgate.connector.ecology.sim.EcologySimulator.Fault;
import org.creditgate.connector.ecology.sim.EcologySimulator.RowStatus;
import org.creditgate.connector.table.TableConnector;
import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.creditgate.spi.ingest.IngestStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The shipped sthjj configuration running its route against the bureau's exchange table on a real PostgreSQL, with
 * the bureau's update-time trigger installed: outcomes written back under the bureau's Chinese column names, the
 * write-back never re-triggering a read, and a corrected decision arriving as version 2 of the same record.
 */
class EcologyExchangeTest extends ConnectorRouteTest<TableConnector> {

    private static final Duration PROCESSED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    @AutoClose
    private static final EmbeddedPostgresServer server = EmbeddedPostgresServer.start();

    private EcologySimulator sim;

    @Override
    protected TableConnector newConnector() throws Exception {
        String url = server.createSchema("sthjj_exchange_" + SCHEMAS.incrementAndGet());
        sim = EcologySimulator.connect(url, EmbeddedPostgresServer.USER, "");
        sim.createTable();
        sim.installUpdateTimeTrigger();
        return new TableConnector(EcologyConfig.forTest(url));
    }

    @Test
    void outcomesAreWrittenBackUnderTheBureausColumnNames() throws Exception {
        sim.insertPenalty(1);
        sim.insertPenalty(2);
        sim.insertBad(3, Fault.BAD_USCC);
        sim.insertBad(4, Fault.MISSING_FACTS);
        sim.insertBad(5, Fault.FINE_WITHOUT_AMOUNT);

        await().atMost(PROCESSED).untilAsserted(() -> assertThat(sim.processedIds()).hasSize(5));

        RowStatus good = sim.status(1).orElseThrow();
        assertThat(good.status()).isEqualTo("ACCEPTED");
        assertThat(good.recordId()).isEqualTo(gateway.enqueued().get(0).recordId());
        assertThat(good.processedAt()).isNotNull();
        assertErrorNames(3, "E_USCC", Fault.BAD_USCC.column());
        assertErrorNames(4, "E_REQUIRED", Fault.MISSING_FACTS.column());
        assertErrorNames(5, "E_COND_REQUIRED", Fault.FINE_WITHOUT_AMOUNT.column());
        assertThat(gateway.rejections()).hasSize(3);
    }

    @Test
    void theWriteBackDoesNotFireTheBureausTriggerSoNothingIsReadTwice() throws Exception {
        sim.insertPenalty(1);
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(sim.processedIds()).containsExactly(1L));
        RowStatus first = sim.status(1).orElseThrow();

        // polls keep running every 200 ms; a write-back that moved the update time would be read again
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> gateway.results().size() == 1);
        assertThat(sim.status(1).orElseThrow().updatedAt()).isEqualTo(first.updatedAt());
        assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED)).isZero();
    }

    @Test
    void aCorrectedFineBecomesVersionTwoOfTheSameRecord() throws Exception {
        sim.insertPenalty(7);
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(sim.status(7).orElseThrow().status())
                .isEqualTo("ACCEPTED"));
        String recordId = sim.status(7).orElseThrow().recordId();

        sim.changeFine(7, "12.5");

        await().atMost(PROCESSED).untilAsserted(() -> assertThat(gateway.enqueued()).hasSize(2));
        assertThat(gateway.enqueued().get(1).recordId()).isEqualTo(recordId);
        assertThat(gateway.enqueued().get(1).version()).isEqualTo(2);
        assertThat(gateway.enqueued().get(1).op()).isEqualTo("UPDATE");
        assertThat(gateway.enqueued().get(1).payload()).contains("12.5");
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(sim.status(7).orElseThrow())
                .extracting(RowStatus::status, RowStatus::recordId).containsExactly("ACCEPTED", recordId));
    }

    private void assertErrorNames(long id, String codePrefix, String column) throws Exception {
        RowStatus bad = sim.status(id).orElseThrow();
        assertThat(bad.status()).isEqualTo("REJECTED");
        assertThat(bad.recordId()).isNull();
        JsonNode errors = JSON.readTree(bad.errors());
        assertThat(errors).as("errors of row %s: %s", id, errors).anySatisfy(e -> {
            assertThat(e.get("code").asText()).startsWith(codePrefix);
            assertThat(e.get("field").asText()).isEqualTo(column);
        });
    }
}
