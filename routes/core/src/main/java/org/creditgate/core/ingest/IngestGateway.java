package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import java.util.List;

import org.creditgate.core.health.ComponentHealth;

/** The ingest entry point as an OSGi service, for the REST API (and health of what it depends on). */
public interface IngestGateway {

    /**
     * Validates, stores and durably enqueues a push.
     *
     * @throws IngestException when the push as a whole cannot be processed (bad shape, too large, broker down)
     */
    IngestResult ingest(IngestRequest request);

    /** Health of the parts this gateway runs: the Camel routes and the broker connection. */
    List<ComponentHealth> health();
}
