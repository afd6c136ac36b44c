package org.creditgate.core.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.VersionRef;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.delivery.UpstreamHoldings.RecordStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a lane hands the sink a message that may already have left — redelivered after a rollback or a crash,
 * or one the ledger already shows SENT, UNKNOWN or ACCEPTED for this upstream — the upstream is asked over its own
 * protocol (the sink's {@link UpstreamHoldings}) whether it has this version. A first delivery is marked SENT in the
 * ledger before the sink is called, so a crash during the call is recognised after the restart even when the
 * broker's redelivery flag was lost with it. If it does, the delivery is settled and the message
 * consumed instead of sent twice; a kill -9 between the upstream's answer and the commit no longer makes a
 * duplicate (found by the chaos run). A sink without the capability sends as before.
 */
public final class ResendGuard {

    /** Exchange property: true when the message is not to be sent again. */
    public static final String ALREADY_THERE = "cgAlreadyThere";
    private static final Logger LOG = LoggerFactory.getLogger(ResendGuard.class);
    private static final String JMS_REDELIVERED = "JMSRedelivered";
    private static final String JMS_DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final String SHIELD = "SHIELD";

    private final String upstream;
    private final Ledger ledger;
    private final Supplier<Optional<UpstreamHoldings>> holdings;
    private final Clock clock;

    public ResendGuard(String upstream, Ledger ledger, Supplier<Optional<UpstreamHoldings>> holdings, Clock clock) {
        this.upstream = upstream;
        this.ledger = ledger;
        this.holdings = holdings;
        this.clock = clock;
    }

    public void check(Exchange exchange) {
        exchange.setProperty(ALREADY_THERE, Boolean.FALSE);
        Message m = exchange.getMessage();
        String recordId = m.getHeader(GatewayHeaders.RECORD_ID, String.class);
        Integer version = m.getHeader(GatewayHeaders.VERSION, Integer.class);
        if (recordId == null || version == null || SHIELD.equals(m.getHeader(GatewayHeaders.DATASET, String.class))) {
            return; // poison goes to the sink's dead letters; shields have their own proof and are idempotent
        }
        DeliveryState state = ledger.deliveries(recordId).stream()
                .filter(d -> d.upstream().equals(upstream) && d.version() == version).map(Delivery::state)
                .findFirst().orElse(null);
        if (state == DeliveryState.ACCEPTED) {
            exchange.setProperty(ALREADY_THERE, Boolean.TRUE);
            LOG.info("{}: {}:{} already accepted by the upstream; this copy is not sent again", upstream, recordId,
                    version);
            return;
        }
        if (state == DeliveryState.SUPPRESSED) {
            exchange.setProperty(ALREADY_THERE, Boolean.TRUE);
            LOG.info("{}: {}:{} was suppressed by a shield; not sent", upstream, recordId, version);
            return;
        }
        boolean mayHaveLeft = Boolean.TRUE.equals(m.getHeader(JMS_REDELIVERED, Boolean.class))
                || Optional.ofNullable(m.getHeader(JMS_DELIVERY_COUNT, Integer.class)).orElse(1) > 1
                || state == DeliveryState.SENT || state == DeliveryState.UNKNOWN;
        if (!mayHaveLeft) {
            // The durable mark that a copy is about to leave, committed before the sink calls the upstream (the
            // broker's redelivery flag does not survive every kill -9). A compare-and-set on QUEUED, because a
            // shield may be applied between the shield guard and here: either it suppressed this copy first (never
            // sent) or it finds the copy SENT and sends this upstream the shield too.
            Optional<DeliveryState> claimed = ledger.claimDelivery(upstream, new VersionRef(recordId, version),
                    clock.instant());
            if (claimed.isEmpty() || claimed.get() == DeliveryState.SENT && state == DeliveryState.QUEUED) {
                return;
            }
            if (claimed.get() == DeliveryState.SUPPRESSED) {
                exchange.setProperty(ALREADY_THERE, Boolean.TRUE);
                LOG.info("{}: {}:{} suppressed by a shield just before it left; not sent", upstream, recordId,
                        version);
                return;
            }
            if (claimed.get() == DeliveryState.REJECTED) {
                // a replay of a copy the upstream refused (a dead letter replayed after the cause was fixed)
                ledger.updateDeliveries(upstream, List.of(new VersionRef(recordId, version)), DeliveryState.SENT,
                        null, null, null, clock.instant());
                return;
            }
            state = claimed.get(); // another consumer moved it meanwhile: treat as possibly sent
        }
        Optional<UpstreamHoldings> asked = holdings.get();
        if (asked.isEmpty()) {
            return;
        }
        // an unreachable upstream throws: the message rolls back and is tried again later, as a send would be
        RecordStatus status = asked.get().status(new org.creditgate.spi.delivery.DeliveryRef(recordId, version));
        List<VersionRef> ref = List.of(new VersionRef(recordId, version));
        switch (status.state()) {
            case HELD -> {
                ledger.updateDeliveries(upstream, ref, DeliveryState.ACCEPTED, null, "status-query", null,
                        clock.instant());
                exchange.setProperty(ALREADY_THERE, Boolean.TRUE);
                LOG.info("{}: {}:{} redelivered, but the upstream already holds it: settled, not sent again",
                        upstream, recordId, version);
            }
            case PENDING -> {
                // a batch id, so that a shield does not take this copy for one still being sent (ShieldGuard)
                ledger.updateDeliveries(upstream, ref, DeliveryState.SENT, "status-query", null, null,
                        clock.instant());
                exchange.setProperty(ALREADY_THERE, Boolean.TRUE);
                LOG.info("{}: {}:{} redelivered, but the upstream has it and has not answered yet: not sent again",
                        upstream, recordId, version);
            }
            default -> {
                // NOT_HELD, or REJECTED before (a replay after the rule was lifted): send
            }
        }
    }
}
