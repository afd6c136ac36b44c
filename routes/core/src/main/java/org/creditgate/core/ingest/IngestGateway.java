package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.reconcile.Reconciler;
import org.creditgate.core.schedule.PushWindows;
import org.creditgate.core.shield.ShieldCache;

/** The ingest entry point as an OSGi service, for the REST API (and health of what it depends on). */
public interface IngestGateway {

    /**
     * Validates, stores and durably enqueues a push.
     *
     * @throws IngestException when the push as a whole cannot be processed (bad shape, too large, broker down)
     */
    IngestResult ingest(IngestRequest request);

    /**
     * Hands a department's push to a running push connector (one that consumes its descriptor's push endpoint).
     *
     * @throws IngestException 404 when there is no such running push connector, else as {@link #ingest}
     */
    IngestResult push(String connectorId, JsonNode body);

    /** 双公示 records at risk of missing their publication deadline. */
    DeadlineWatch deadlines();

    /** The upstreams' push windows. */
    default PushWindows pushWindows() {
        throw new UnsupportedOperationException("this gateway runs no push windows");
    }

    /** The upstreams' dead-letter queues. */
    DeadLetters deadLetters();

    /** Daily reconciliation with the upstreams, and run-now. */
    default Reconciler reconciler() {
        throw new UnsupportedOperationException("reconciliation is not available in this gateway");
    }

    /** The shield SLA watch (overdue shields). */
    default org.creditgate.core.delivery.ShieldWatch shieldWatch() {
        throw new UnsupportedOperationException("the shield watch is not available in this gateway");
    }

    /** The daily expiry job (publication periods ended → EXPIRED shields), and run-now. */
    default org.creditgate.core.shield.ExpiryJob expiry() {
        throw new UnsupportedOperationException("the expiry job is not available in this gateway");
    }

    /** The shield list as a fast lookup (Hazelcast over the ledger). */
    default ShieldCache shieldCache() {
        throw new UnsupportedOperationException("the shield cache is not available in this gateway");
    }

    /** Objections: their verification deadlines and the lists the APIs and the shell show. */
    default org.creditgate.core.objection.ObjectionWatch objections() {
        throw new UnsupportedOperationException("the objection workflow is not available in this gateway");
    }

    /** Messages waiting on the upstreams' queues, counted by browsing (for the shell's views and drains). */
    default org.creditgate.core.delivery.QueueDepths queueDepths() {
        throw new UnsupportedOperationException("queue depths are not available in this gateway");
    }

    /** The gateway's alerts: the last ones raised, as GET /api/v1/alerts lists them. */
    default org.creditgate.core.alert.Alerts alerts() {
        throw new UnsupportedOperationException("alerts are not available in this gateway");
    }

    /** The connectors running in this gateway. */
    ConnectorRegistry connectors();

    /** Health of the parts this gateway runs: the Camel routes and the broker connection. */
    List<ComponentHealth> health();

    /** Empty when the process is sane (restarting it would not help anything); else why not. */
    default java.util.Optional<String> liveness() {
        return java.util.Optional.empty();
    }

    /** The metrics in Prometheus text format, when this gateway keeps them. */
    default java.util.Optional<org.creditgate.core.metrics.GatewayMetrics> metrics() {
        return java.util.Optional.empty();
    }
}
