package org.creditgate.connector.xmlfile;

import org.creditgate.testkit.CapturedStderr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.testkit.ConnectorRouteTest;
import org.creditgate.testkit.TestGateway;
import org.creditgate.testkit.TestGateway.UpstreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SENT then ACCEPTED, many batches in order without a digest error, refusal with duplicate receipts counted once,
 * an unwritable exchange directory retried in place, poison, route ids.
 */
class XmlFileRoutesTest extends GsxtSinkRouteTest {

    private static final Duration RETRYING = Duration.ofSeconds(30);

    @Test
    void aWrittenBatchIsSentThenAcceptedWhenTheReceiptArrives() throws Exception {
        getMockEndpoint(gateway.deadLetterUri()).expectedMessageCount(0);
        UpstreamMessage m = queued();

        send(m);

        var sent = delivery(m);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        String batchId = sent.batchId();
        assertThat(batchId).startsWith("CG").endsWith("-" + m.recordId() + "-v1");
        assertThat(files(sim.exchangeDir())).containsExactly(batchId + ".manifest.json", batchId + ".xml");

        assertThat(sim.scan()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(m).state()).isEqualTo(DeliveryState.ACCEPTED));
        assertThat(delivery(m).receiptId()).isEqualTo(batchId);
        assertThat(sim.intake().receipt(batchId)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo("ACCEPTED");
            assertThat(r.errors()).as("no E_DIGEST / E_COUNT / E_MANIFEST").isEmpty();
        });
        var stored = sim.store().data().get(0);
        assertThat(stored.recordId()).isEqualTo(m.recordId());
        assertThat(stored.dataset()).isEqualTo("PENALTY");
        assertThat(stored.subjectKey()).isEqualTo(SampleRecords.ORG_USCC);
        await().atMost(WAIT).untilAsserted(() -> assertThat(files(sim.receiptDir().resolve("done")))
                .containsExactly(batchId + ".receipt.xml"));
        assertThat(files(sim.receiptDir())).doesNotContain(batchId + ".receipt.xml");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void manyBatchesAreAllAcceptedByTheUpstreamWithoutADigestError() throws Exception {
        List<UpstreamMessage> sent = Stream.generate(this::queued).limit(5).toList();
        sent.forEach(this::send);

        assertThat(sim.scan()).isEqualTo(5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sent).allSatisfy(m -> assertThat(delivery(m).state())
                .isEqualTo(DeliveryState.ACCEPTED)));
        assertThat(sim.intake().receipts()).hasSize(5).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(sim.store().data()).extracting(i -> i.recordId())
                .as("taken in the order written").containsExactlyElementsOf(sent.stream()
                        .map(UpstreamMessage::recordId).toList());
    }

    @Test
    void aRefusedRecordIsRejectedWithTheUpstreamsErrorAndDuplicateReceiptsCountOnce() throws Exception {
        getMockEndpoint(gateway.deadLetterUri()).expectedMessageCount(0);
        UpstreamMessage m = queued();
        sim.misbehaviour().duplicateReceipts(2).reject(new RejectRule("this record",
                in -> m.recordId().equals(in.item().recordId()),
                new RecordError("E_RULE", "penaltyKinds", "简易程序不予公示")));

        send(m);
        String batchId = delivery(m).batchId();
        sim.scan();

        Path done = sim.receiptDir().resolve("done");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(files(done)).containsExactly(batchId + ".receipt.xml");
            // which of the three copies is read first depends on timing; the other two are the duplicates
            assertThat(files(done.resolve("duplicates"))).hasSize(2).allSatisfy(f -> assertThat(f)
                    .startsWith(batchId).endsWith(".receipt.xml"));
            assertThat(files(sim.receiptDir())).noneMatch(f -> f.endsWith(".receipt.xml"));
        });
        var d = delivery(m);
        assertThat(d.state()).isEqualTo(DeliveryState.REJECTED);
        assertThat(d.receiptId()).isEqualTo(batchId);
        assertThat(d.error()).contains("E_RULE(penaltyKinds) 简易程序不予公示");
        assertThat(gateway.rejections()).as("three receipt files, one rejection").singleElement()
                .satisfies(r -> assertThat(r.errors()).contains("E_UPSTREAM_REJECTED").contains("E_RULE"));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void anUnwritableExchangeDirectoryIsRetriedInPlaceUntilItIsBackThenTheBatchIsWrittenOnce() throws Exception {
        getMockEndpoint(gateway.deadLetterUri()).expectedMessageCount(0);
        UpstreamMessage m = queued();
        Path exchange = sim.exchangeDir();
        // the share is gone: a plain file where the exchange directory should be
        try (Stream<Path> tree = Files.walk(exchange)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(exchange, "not a directory");

        try (CapturedStderr log = CapturedStderr.start()) {
            Future<Object> sending = template.asyncRequestBodyAndHeaders(gateway.upstreamQueueUri(), m.body(),
                    m.headers());

            await().atMost(RETRYING).until(() -> retryLines(log, exchange).count() >= 1);
            assertThat(sending).as("the exchange waits for the directory").isNotDone();
            assertThat(delivery(m).state()).as("nothing marked").isEqualTo(DeliveryState.QUEUED);
            assertThat(files(gateway.workDir().resolve("pending"))).isEmpty();

            Files.delete(exchange);
            Files.createDirectories(exchange.resolve("processed"));
            sending.get(RETRYING.toSeconds(), TimeUnit.SECONDS);
            assertThat(log.text()).as("no stack trace per retry").doesNotContain("\tat ");
        }

        String batchId = delivery(m).batchId();
        assertThat(delivery(m).state()).isEqualTo(DeliveryState.SENT);
        assertThat(files(exchange)).containsExactly(batchId + ".manifest.json", batchId + ".xml");
        assertThat(sim.scan()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(m).state()).isEqualTo(DeliveryState.ACCEPTED));
        assertThat(sim.store().timesReceived(m.recordId(), m.version())).isEqualTo(1);
        MockEndpoint.assertIsSatisfied(context);
    }

    /** The error handler's WARN lines, one per failed attempt to write into the exchange directory. */
    private static Stream<String> retryLines(CapturedStderr log, Path exchange) {
        return log.text().lines().filter(l -> l.contains("WARN") && l.contains("Failed delivery for")
                && l.contains(exchange.toString()));
    }

    @Test
    void aMessageThatCannotBeWrittenIsDeadLetteredAsPoisonAndNoFileAppears() throws Exception {
        UpstreamMessage m = queued();
        MockEndpoint dlq = getMockEndpoint(gateway.deadLetterUri());
        dlq.expectedMessageCount(1);
        dlq.expectedHeaderReceived(GatewayHeaders.ERROR_CLASS, "POISON");

        template.sendBodyAndHeaders(gateway.upstreamQueueUri(), "[1, 2]", m.headers());

        MockEndpoint.assertIsSatisfied(context);
        assertThat(files(sim.exchangeDir())).isEmpty();
        assertThat(delivery(m).state()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void routeIdsArePrefixedWithTheConnectorId() {
        assertThat(context.getRoutes()).extracting(Route::getRouteId)
                .containsExactlyInAnyOrder("xmlfile-gsxt.send", "xmlfile-gsxt.receipts");
    }
}
