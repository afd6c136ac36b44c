package org.creditgate.core.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.spi.ingest.IngestResult;

/**
 * The gateway as the REST tests see it: a connector registry and no health of its own; everything else refuses, so
 * a test overrides exactly what the endpoint under test uses (ingest through a harness, a shield cache …).
 */
class StubGateway implements IngestGateway {

    private final ConnectorRegistry registry;

    StubGateway() {
        this(new ConnectorRegistry());
    }

    StubGateway(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public IngestResult ingest(IngestRequest request) {
        throw new UnsupportedOperationException("this test ingests nothing");
    }

    @Override
    public IngestResult push(String connectorId, JsonNode body) {
        throw new UnsupportedOperationException("this test pushes nothing");
    }

    @Override
    public DeadlineWatch deadlines() {
        throw new UnsupportedOperationException("no deadline watch in this test");
    }

    @Override
    public DeadLetters deadLetters() {
        throw new UnsupportedOperationException("no dead letters in this test");
    }

    @Override
    public ConnectorRegistry connectors() {
        return registry;
    }

    @Override
    public List<ComponentHealth> health() {
        return List.of();
    }
}
