package org.creditgate.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.core.delivery.DurableEnqueuer;
import org.creditgate.core.delivery.LedgerDeliveries;
import org.creditgate.core.delivery.EnqueueException;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.core.ingest.IngestPipeline;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.Rejection;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.Watermark;
import org.creditgate.spi.delivery.UpstreamDeliveries;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;

/**
 * The gateway core as a connector test sees it: the real validator and ingest pipeline over an in-memory H2 ledger,
 * with the broker replaced by a list of what would have been enqueued. So a connector test gets real answers —
 * field-level rejections, idempotent resends, ledger states — without Karaf or Artemis.
 *
 * <p>One TestGateway is one ledger: reuse it across a connector's restart to check that nothing is lost or
 * duplicated. {@link #failIngest} simulates a core that cannot take records (broker down).
 */
public final class TestGateway implements ConnectorContext, AutoCloseable {

    /** Business "today" of the sample records (decisions dated before it are not in the future). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ConnectorDescriptor descriptor;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final IngestPipeline pipeline;
    private final List<OutboundRecord> enqueued = new CopyOnWriteArrayList<>();
    private final List<IngestResult> results = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicReference<Instant> sourceTime = new AtomicReference<>();
    private final Path workDir;
    private final Clock clock;

    public TestGateway(ConnectorDescriptor descriptor) {
        this(descriptor, Clock.systemUTC());
    }

    public TestGateway(ConnectorDescriptor descriptor, Clock clock) {
        this.descriptor = descriptor;
        this.clock = clock;
        this.dataSource = LedgerDataSources.create(new LedgerSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        this.ledger = Ledgers.open(dataSource);
        this.pipeline = new IngestPipeline(new RecordValidator(), ledger, new RecordingEnqueuer(),
                WorkingDayCalendar.fromClasspath(), clock, ZONE, 500);
        try {
            this.workDir = Files.createTempDirectory("connector-" + descriptor.id());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public IngestResult ingest(List<JsonNode> records) {
        calls.incrementAndGet();
        String why = failure.get();
        if (why != null) {
            throw IngestException.unavailable(why, null);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(array::add);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("records", array);
        IngestResult result = pipeline.ingest(new IngestRequest(descriptor.department(), descriptor.id(), body));
        results.add(result);
        return result;
    }

    /** For sink tests: a direct endpoint standing in for the upstream's transacted queue. */
    @Override
    public String upstreamQueueUri() {
        return "direct:creditgate-upstream-" + descriptor.department();
    }

    /** For sink tests: a mock endpoint, so a test can expect what was dead-lettered and why. */
    @Override
    public String deadLetterUri() {
        return "mock:creditgate-dlq-" + descriptor.department();
    }

    @Override
    public UpstreamDeliveries deliveries() {
        return new LedgerDeliveries(descriptor.department(), ledger, clock);
    }

    /** A message as the core's fan-out puts it on an upstream queue: body and headers. */
    public record UpstreamMessage(String body, Map<String, Object> headers) {
        public String recordId() {
            return (String) headers.get(GatewayHeaders.RECORD_ID);
        }

        public int version() {
            return (Integer) headers.get(GatewayHeaders.VERSION);
        }
    }

    /**
     * For sink tests: ingests a record (it must be accepted) and returns it as the fan-out would queue it for this
     * connector's upstream, with the delivery QUEUED in the ledger.
     */
    public UpstreamMessage queuedForUpstream(JsonNode record) {
        IngestResult r = ingest(List.of(record));
        var result = r.results().get(0);
        if (result.status() == IngestStatus.REJECTED) {
            throw new IllegalArgumentException("the record was rejected: " + result.errors());
        }
        var version = ledger.version(result.recordId(), result.version()).orElseThrow();
        ledger.queueDeliveries(List.of(Delivery.queued(result.recordId(), result.version(), descriptor.department(),
                clock.instant())));
        Map<String, Object> headers = new java.util.LinkedHashMap<>();
        headers.put(GatewayHeaders.RECORD_ID, result.recordId());
        headers.put(GatewayHeaders.VERSION, result.version());
        headers.put(GatewayHeaders.DATASET, version.dataset());
        headers.put(GatewayHeaders.OP, version.op());
        headers.put(GatewayHeaders.DEPARTMENT, version.department());
        headers.put(GatewayHeaders.UPSTREAM, descriptor.department());
        headers.put(GatewayHeaders.GROUP, version.subjectKey());
        return new UpstreamMessage(version.payload(), headers);
    }

    /** Deliveries of a record version to this connector's upstream, as the ledger holds them. */
    public Optional<Delivery> delivery(String recordId, int version) {
        return ledger.deliveries(recordId).stream()
                .filter(d -> d.version() == version && d.upstream().equals(descriptor.department())).findFirst();
    }

    @Override
    public Watermark watermark() {
        return new Watermark() {
            @Override
            public Optional<String> get() {
                return ledger.watermark(descriptor.id());
            }

            @Override
            public void set(String value) {
                ledger.setWatermark(descriptor.id(), value, clock.instant(), "advance");
            }
        };
    }

    @Override
    public void sourceTime(Instant newestRead) {
        sourceTime.set(newestRead);
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** From now on every ingest call fails as if the broker were down (null: works again). */
    public void failIngest(String why) {
        failure.set(why);
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Every new record version the pipeline handed to the "broker", in order. */
    public List<OutboundRecord> enqueued() {
        return List.copyOf(enqueued);
    }

    /** Every ingest answer given to the connector, in order. */
    public List<IngestResult> results() {
        return List.copyOf(results);
    }

    public int ingestCalls() {
        return calls.get();
    }

    /** Records answered with a status, over all calls. */
    public long count(IngestStatus status) {
        return results.stream().mapToLong(r -> r.count(status)).sum();
    }

    /** Record versions in the ledger that the pipeline queued (each distinct record version once). */
    public long queuedVersions() {
        return ledger.countByState().getOrDefault(RecordState.QUEUED, 0L);
    }

    /** Rejections kept for this connector's department, newest first. */
    public List<Rejection> rejections() {
        return ledger.rejections(descriptor.department(), 0, 10_000);
    }

    public Optional<Rejection> rejection(Predicate<Rejection> matching) {
        return rejections().stream().filter(matching).findFirst();
    }

    public Optional<Instant> lastSourceTime() {
        return Optional.ofNullable(sourceTime.get());
    }

    /** Counts of the ledger, for assertion messages. */
    public Map<RecordState, Long> ledgerCounts() {
        return ledger.countByState();
    }

    @Override
    public void close() {
        LedgerDataSources.close(dataSource);
    }

    private final class RecordingEnqueuer implements DurableEnqueuer {
        @Override
        public void enqueue(List<OutboundRecord> records) throws EnqueueException {
            enqueued.addAll(records);
        }

        @Override
        public BrokerStatus status() {
            return new BrokerStatus(true, "test gateway");
        }
    }
}
