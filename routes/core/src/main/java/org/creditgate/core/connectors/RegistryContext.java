package org.creditgate.core.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.core.delivery.LedgerDeliveries;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.Ledger;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.Watermark;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamDeliveries;
import org.creditgate.spi.ingest.IngestResult;

/** The core as one connector instance sees it; counts every ingest call into the instance's metrics. */
final class RegistryContext implements ConnectorContext {

    private final ConnectorInstance instance;
    private final Function<IngestRequest, IngestResult> ingest;
    private final Ledger ledger;
    private final Path workDir;
    private final Clock clock;
    private volatile boolean sink;

    RegistryContext(ConnectorInstance instance, Function<IngestRequest, IngestResult> ingest, Ledger ledger,
            Path workRoot, Clock clock) {
        this.instance = instance;
        this.ingest = ingest;
        this.ledger = ledger;
        this.workDir = workRoot.resolve(instance.descriptor().id());
        this.clock = clock;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return instance.descriptor();
    }

    @Override
    public IngestResult ingest(List<JsonNode> records) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("records").addAll(records);
        try {
            IngestResult result = ingest.apply(new IngestRequest(descriptor().department(), descriptor().id(), body));
            instance.metrics().succeeded(result, clock.instant());
            return result;
        } catch (RuntimeException e) {
            instance.metrics().failed(records.size(), e.getMessage(), clock.instant());
            throw e;
        }
    }

    /**
     * The sink's input, fed by the {@link UpstreamLanes} the registry adds when a connector asked for it: the
     * sink sees one stream of messages, the core decides when each lane runs.
     */
    @Override
    public String upstreamQueueUri() {
        sink = true;
        return UpstreamLanes.sinkInput(descriptor());
    }

    /** Whether the connector consumes an upstream's queue (asked for {@link #upstreamQueueUri()}). */
    boolean isSink() {
        return sink;
    }

    @Override
    public String deadLetterUri() {
        return GatewayAddresses.deadLetterUri(descriptor().department());
    }

    /**
     * The ledger's deliveries, counted into this sink's metrics: received = versions sent (reported SENT, or settled
     * by a synchronous receipt), accepted/rejected = the verdicts.
     */
    @Override
    public UpstreamDeliveries deliveries() {
        UpstreamDeliveries ledgerSide = new LedgerDeliveries(descriptor().department(), ledger, clock);
        ConnectorMetrics metrics = instance.metrics();
        return new UpstreamDeliveries() {
            @Override
            public void sent(List<DeliveryRef> refs, String batchId) {
                ledgerSide.sent(refs, batchId);
                metrics.sent(refs, clock.instant());
            }

            @Override
            public void accepted(List<DeliveryRef> refs, String receiptId) {
                ledgerSide.accepted(refs, receiptId);
                metrics.settled(refs, true, true, clock.instant());
            }

            @Override
            public void rejected(DeliveryRef ref, String receiptId, String error) {
                ledgerSide.rejected(ref, receiptId, error);
                metrics.settled(List.of(ref), false, receiptId != null, clock.instant());
            }

            @Override
            public void unknown(List<DeliveryRef> refs) {
                ledgerSide.unknown(refs);
                metrics.abandoned(refs);
            }
        };
    }

    @Override
    public Watermark watermark() {
        String id = descriptor().id();
        return new Watermark() {
            @Override
            public Optional<String> get() {
                return ledger.watermark(id);
            }

            @Override
            public void set(String value) {
                ledger.setWatermark(id, value, clock.instant(), "advance");
            }
        };
    }

    @Override
    public void sourceTime(Instant newestRead) {
        instance.metrics().sourceTime(newestRead);
    }

    @Override
    public Path workDir() {
        try {
            return Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + workDir, e);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
