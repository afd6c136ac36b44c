package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.spi.ingest.IngestResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.delivery.JmsDurableEnqueuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core routes outside OSGi, against a real persistent Artemis broker and an H2 ledger: what is answered
 * ACCEPTED is in the ledger and on the queue, resends are idempotent, and a broker outage loses nothing.
 */
class IngestRoutesTest extends CamelTestSupport {

    private static final String ADDRESS = "creditgate.records.accepted";

    private TestBroker broker;
    private DataSource dataSource;
    private Ledger ledger;
    private JmsDurableEnqueuer enqueuer;

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start();
        dataSource = LedgerDataSources.create(new LedgerSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        ledger = Ledgers.open(dataSource);
        enqueuer = new JmsDurableEnqueuer(broker.connectionFactory(), ADDRESS, Duration.ofSeconds(5));
        // business "today" is pinned (date rules depend on it) but the clock still ticks (the recovery sweep
        // compares receive times with now)
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(),
                Records.TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8))));
        IngestPipeline pipeline = new IngestPipeline(new RecordValidator(), ledger, enqueuer,
                WorkingDayCalendar.fromClasspath(), clock, ZoneId.of("Asia/Shanghai"), 50);
        // recovery every second, for anything not confirmed (grace 0): the outage test waits on it
        return new IngestRoutes(pipeline, Duration.ofSeconds(1), Duration.ZERO);
    }

    @AfterEach
    void stopInfrastructure() throws Exception {
        enqueuer.close();
        broker.close();
        LedgerDataSources.close(dataSource);
    }

    private IngestResult ingest(Object body) {
        return template.requestBody(IngestRoutes.INGEST,
                new IngestRequest("demo", "test", Records.JSON.valueToTree(body)), IngestResult.class);
    }

    @Test
    void acceptedMeansStoredQueuedAndOnTheBroker() throws Exception {
        ObjectNode invalid = Records.penalty("榕市监罚〔2026〕2号");
        invalid.put("CF_XDR_SHXYM", "91350100M000100Y4Z");

        IngestResult result = ingest(Records.batch(Records.penalty("榕市监罚〔2026〕1号"), invalid,
                Records.penalty("榕市监罚〔2026〕3号")));

        assertThat(result.results()).extracting(RecordResult::status)
                .containsExactly(IngestStatus.ACCEPTED, IngestStatus.REJECTED, IngestStatus.ACCEPTED);
        assertThat(result.results().get(1).errors()).singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("E_USCC_CHARSET");
                    assertThat(e.field()).isEqualTo("CF_XDR_SHXYM");
                });
        RecordResult first = result.results().get(0);
        assertThat(ledger.head(first.recordId())).get().extracting(h -> h.state()).isEqualTo(RecordState.QUEUED);
        assertThat(ledger.rejections("demo", 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.payload()).contains("91350100M000100Y4Z"));

        List<Message> onQueue = broker.browse(ADDRESS);
        assertThat(onQueue).hasSize(2);
        Message m = onQueue.get(0);
        assertThat(m.getStringProperty(GatewayHeaders.RECORD_ID)).isEqualTo(first.recordId());
        assertThat(m.getIntProperty(GatewayHeaders.VERSION)).isEqualTo(1);
        assertThat(m.getStringProperty(GatewayHeaders.DATASET)).isEqualTo("PENALTY");
        assertThat(m.getStringProperty(GatewayHeaders.DEPARTMENT)).isEqualTo("demo");
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("91350100M000100Y43");
        assertThat(m.getStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID)).isEqualTo(first.recordId() + ":1");
    }

    @Test
    void identicalResendIsAlreadyAcceptedAndNotEnqueuedTwice() throws Exception {
        ObjectNode record = Records.penalty("榕市监罚〔2026〕7号");
        RecordResult first = ingest(record).results().get(0);
        RecordResult again = ingest(record).results().get(0);

        assertThat(first.status()).isEqualTo(IngestStatus.ACCEPTED);
        assertThat(again.status()).isEqualTo(IngestStatus.ALREADY_ACCEPTED);
        assertThat(again.recordId()).isEqualTo(first.recordId());
        assertThat(broker.browse(ADDRESS)).hasSize(1);
    }

    @Test
    void updateCreatesVersionTwoAndSupersedesVersionOne() throws Exception {
        ObjectNode record = Records.penalty("榕市监罚〔2026〕8号");
        RecordResult v1 = ingest(record).results().get(0);
        ObjectNode corrected = record.deepCopy();
        corrected.put("op", "UPDATE");
        corrected.put("CF_NR", "罚款人民币3000元");
        corrected.put("CF_NR_FK", "0.3");
        RecordResult v2 = ingest(corrected).results().get(0);

        assertThat(v2.status()).isEqualTo(IngestStatus.ACCEPTED);
        assertThat(v2.recordId()).isEqualTo(v1.recordId());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(ledger.version(v1.recordId(), 1)).get().extracting(v -> v.state()).isEqualTo(RecordState.SUPERSEDED);
        assertThat(broker.browse(ADDRESS)).extracting(m -> m.getStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID))
                .containsExactly(v1.recordId() + ":1", v1.recordId() + ":2");
    }

    @Test
    void addForAnExistingKeyWithOtherContentIsADuplicate() {
        ObjectNode record = Records.penalty("榕市监罚〔2026〕9号");
        ingest(record);
        ObjectNode changed = record.deepCopy();
        changed.put("CF_NR", "另一内容");
        RecordResult r = ingest(changed).results().get(0);
        assertThat(r.status()).isEqualTo(IngestStatus.REJECTED);
        assertThat(r.errors()).extracting(e -> e.code()).containsExactly("E_DUPLICATE");
    }

    @Test
    void brokerOutageAnswersUnavailableAndRecoveryDeliversExactlyOnce() throws Exception {
        broker.stop();
        ObjectNode record = Records.penalty("榕市监罚〔2026〕10号");

        assertThatThrownBy(() -> ingest(record))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        String recordId = ledger.unqueued(Clock.systemUTC().instant().plusSeconds(3600), 10).get(0).recordId();
        assertThat(ledger.head(recordId)).get().extracting(h -> h.state()).isEqualTo(RecordState.VALIDATED);

        NotifyBuilder swept = new NotifyBuilder(context).fromRoute(IngestRoutes.RECOVERY_ROUTE_ID)
                .filter(e -> Integer.valueOf(1).equals(e.getMessage().getBody(Integer.class))).whenDone(1).create();
        broker.start();
        assertThat(swept.matches(20, TimeUnit.SECONDS)).as("recovery sweep re-sent the record").isTrue();

        // the department resends after its 503: answered ALREADY_ACCEPTED, and the broker still holds one copy
        assertThat(ingest(record).results().get(0).status()).isEqualTo(IngestStatus.ALREADY_ACCEPTED);
        assertThat(ledger.head(recordId)).get().extracting(h -> h.state()).isEqualTo(RecordState.QUEUED);
        assertThat(broker.browse(ADDRESS)).hasSize(1);
    }

    @Test
    void oversizeBatchIsRefusedAsAWhole() {
        ObjectNode[] many = new ObjectNode[51];
        for (int i = 0; i < many.length; i++) {
            many[i] = Records.penalty("榕市监罚〔2026〕" + (100 + i) + "号");
        }
        assertThatThrownBy(() -> ingest(Records.batch(many)))
                .cause().isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.httpStatus()).isEqualTo(413));
        assertThat(ledger.countByState().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }
}
