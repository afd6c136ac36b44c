package org.creditgate.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.spi.delivery.UpstreamDeliveries;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;

/**
 * What the gateway core gives a connector instance: the ingest entry point, its watermark, its working
 * directory and its clock. The only way a connector reaches the core; connectors never call each other.
 */
public interface ConnectorContext {

    ConnectorDescriptor descriptor();

    /**
     * Validates, stores in the ledger and durably enqueues records in the national field codes, on behalf of the
     * connector's department. When this returns, every ACCEPTED record is durable and every REJECTED one is kept
     * with its field-level errors; it is safe to acknowledge the source. Resending identical records answers
     * ALREADY_ACCEPTED and stores nothing new.
     *
     * @throws IngestException when the batch as a whole cannot be processed (too large, broker down): nothing
     *                         was acknowledged, the source should be read again later
     */
    IngestResult ingest(List<JsonNode> records);

    /**
     * For a SINK connector (its descriptor's department is the upstream id): the URI its route consumes the
     * upstream's durable queue from, in a JMS transaction — an exception rolls the message back and the broker
     * redelivers with backoff, then dead-letters to the upstream's own DLQ. Each message body is a record version
     * in canonical JSON with the headers of {@link GatewayHeaders}.
     */
    default String upstreamQueueUri() {
        throw new UnsupportedOperationException(descriptor().id() + " is not a sink connector");
    }

    /**
     * For a SINK connector: where to send (inside the consuming transaction) a record the upstream refused or that
     * cannot be sent at all, with {@link GatewayHeaders#ERROR_CLASS} and {@link GatewayHeaders#ERROR_REASON} set;
     * operators list and replay it from there.
     */
    default String deadLetterUri() {
        throw new UnsupportedOperationException(descriptor().id() + " is not a sink connector");
    }

    /** For a SINK connector: the ledger's record of what its upstream received. */
    default UpstreamDeliveries deliveries() {
        throw new UnsupportedOperationException(descriptor().id() + " is not a sink connector");
    }

    /** This connector's watermark. */
    Watermark watermark();

    /**
     * Tells operators how far behind the source the connector is: the source time of the newest record read.
     * Lag in health and metrics is now minus this.
     */
    void sourceTime(Instant newestRead);

    /** A directory the connector may use for its own files ({@code data/connectors/<id>} in Karaf). */
    Path workDir();

    Clock clock();
}
