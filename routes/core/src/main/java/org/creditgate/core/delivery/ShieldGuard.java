package org.creditgate.core.delivery;

import java.time.Clock;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.Ledger;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.ShieldItem;
import org.creditgate.ledger.VersionRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last check before a lane hands a message to its sink (domain.md §6.3): a version of a record that was
 * shielded meanwhile is never sent — it is marked SUPPRESSED and consumed. Checking here, just before the send
 * (through {@link ShieldLookup}: the shield cache over the ledger), covers every way a version can still be on a
 * queue when its shield arrives (a closed push window, a backlog, an outage, a reconciliation resend); the shield
 * itself only has to mark the ledger and the cache. A SHIELD copy passing here is noted as dispatched to the
 * platform (the first hand-over is the proof's "dispatched at"); a copy of a shield the platform already
 * acknowledged (an SLA resend queued behind the original) is dropped.
 */
public final class ShieldGuard {

    /** Exchange property: true when the message is not to be sent. */
    public static final String SUPPRESSED = "cgSuppressed";
    private static final Logger LOG = LoggerFactory.getLogger(ShieldGuard.class);
    private static final String SHIELD = "SHIELD";

    private final String upstream;
    private final Ledger ledger;
    private final Clock clock;
    private final ShieldLookup shields;

    public ShieldGuard(String upstream, Ledger ledger, Clock clock) {
        this(upstream, ledger, clock, ShieldLookup.ledger(ledger));
    }

    public ShieldGuard(String upstream, Ledger ledger, Clock clock, ShieldLookup shields) {
        this.upstream = upstream;
        this.ledger = ledger;
        this.clock = clock;
        this.shields = shields;
    }

    /**
     * A copy of the shielded record that the other lane claimed (SENT) but whose send has not returned yet (no batch,
     * no receipt) could reach the platform after this shield; the shield waits for it: rolled back and redelivered by
     * the broker's backoff. A crash mid-send resolves too: the copy comes back, finds its record shielded and is
     * settled as SUPPRESSED.
     */
    private void waitForCopiesInFlight(DeliveryRef target) {
        for (Delivery d : ledger.deliveries(target.recordId())) {
            if (d.upstream().equals(upstream) && d.state() == DeliveryState.SENT && d.batchId() == null
                    && d.receiptId() == null) {
                throw new CopyInFlightException(upstream + ": shield for " + target.recordId() + " waits for version "
                        + d.version() + ", still being sent, so that it cannot overtake it");
            }
        }
    }

    /** The shield must wait for a copy of its record still being sent on the other lane. */
    public static final class CopyInFlightException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CopyInFlightException(String message) {
            super(message);
        }
    }

    public void check(Exchange exchange) {
        Message m = exchange.getMessage();
        String recordId = m.getHeader(org.creditgate.spi.GatewayHeaders.RECORD_ID, String.class);
        Integer version = m.getHeader(org.creditgate.spi.GatewayHeaders.VERSION, Integer.class);
        String dataset = m.getHeader(org.creditgate.spi.GatewayHeaders.DATASET, String.class);
        exchange.setProperty(SUPPRESSED, Boolean.FALSE);
        if (recordId == null || version == null) {
            return; // the sink dead-letters it as poison
        }
        if (SHIELD.equals(dataset)) {
            ShieldItem.target(m.getHeaders()).ifPresent(this::waitForCopiesInFlight);
            if (!ledger.shieldDispatching(recordId, upstream, clock.instant())) {
                // a resent copy (SLA watch) behind one that got through meanwhile: the platform has it once
                exchange.setProperty(SUPPRESSED, Boolean.TRUE);
                LOG.info("{}: shield {} already acknowledged; this copy is not sent again", upstream, recordId);
            }
            return;
        }
        if (shields.shielded(recordId)) {
            ledger.updateDeliveries(upstream, List.of(new VersionRef(recordId, version)), DeliveryState.SUPPRESSED,
                    null, null, null, clock.instant());
            exchange.setProperty(SUPPRESSED, Boolean.TRUE);
            LOG.info("{}: {}:{} not sent: the record was shielded before it left the queue (SUPPRESSED)", upstream,
                    recordId, version);
        }
    }
}
