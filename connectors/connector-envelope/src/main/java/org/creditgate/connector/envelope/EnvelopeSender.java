package org.creditgate.connector.envelope;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.creditgate.connector.envelope.EnvelopeSettings.ReceiptMode;
import org.creditgate.connector.envelope.UpstreamClient.Answer;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.delivery.UpstreamDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one queued record version and settles it, inside the consuming transaction:
 * <ul>
 * <li>upstream ACCEPTED (sync receipt) → ledger ACCEPTED; 202 (async) → pending file + ledger SENT;</li>
 * <li>upstream REJECTED → ledger REJECTED (and the department's rejection list) + dead letter VALIDATION;</li>
 * <li>unreadable body, envelope refused 4xx, batch refused (digest/count) → dead letter POISON;</li>
 * <li>upstream unavailable → {@link UpstreamUnavailableException} after one WARN line: rollback, redelivery.</li>
 * </ul>
 * A redelivered message (or one with a pending file) is first looked up by its deterministic msgId, so a message
 * the upstream already holds is not sent twice.
 */
final class EnvelopeSender implements Processor {

    /** Exchange property: the message is to go to the dead-letter queue (headers already set). */
    static final String DEAD_LETTER = "creditgate.envelope.deadLetter";

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeSender.class);
    private static final String JMS_REDELIVERED = "JMSRedelivered";
    private static final String JMS_DELIVERY_COUNT = "JMSXDeliveryCount";

    private final String id;
    private final EnvelopeSettings settings;
    private final EnvelopeTranslator translator;
    private final UpstreamClient client;
    private final PendingBatches pending;
    private final UpstreamDeliveries deliveries;
    private final Clock clock;

    EnvelopeSender(String id, EnvelopeSettings settings, EnvelopeTranslator translator, UpstreamClient client,
            PendingBatches pending, UpstreamDeliveries deliveries, Clock clock) {
        this.id = id;
        this.settings = settings;
        this.translator = translator;
        this.client = client;
        this.pending = pending;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        Outbound o;
        try {
            o = translator.outbound(m.getBody(String.class), m.getHeaders());
        } catch (PoisonException e) {
            deadLetter(exchange, DeadLetter.POISON, "unreadable message: " + e.getMessage(),
                    String.valueOf(m.getHeader(GatewayHeaders.RECORD_ID)));
            return;
        }
        try {
            deliver(exchange, o);
        } catch (UpstreamUnavailableException e) {
            LOG.warn("{}: {} not delivered, retrying in place: {}", id, o, e.getMessage());
            throw e;
        }
    }

    private void deliver(Exchange exchange, Outbound o) {
        if (settings.publicView() && !EnvelopeTranslator.publishable(o)) {
            String why = "E_NOT_PUBLISHABLE publish: the department did not allow publication; not sent to " + id;
            deliveries.rejected(o.ref(), null, why);
            deadLetter(exchange, DeadLetter.VALIDATION, why, o.toString());
            return;
        }
        String msgId = o.msgId();
        if (mayHaveBeenSent(exchange.getMessage(), msgId) && settledByStatus(o, msgId)) {
            return;
        }
        Answer answer;
        try {
            answer = client.submit(msgId, translator.envelope(msgId, List.of(o)));
        } catch (PoisonException e) {
            deadLetter(exchange, DeadLetter.POISON, e.getMessage(), o.toString());
            return;
        }
        if (UpstreamReceipt.isReceipt(answer.json())) {
            settle(exchange, o, UpstreamReceipt.parse(answer.json()));
        } else if (settings.receipts() == ReceiptMode.ASYNC) {
            pending.save(new PendingBatches.Pending(msgId, clock.instant(),
                    List.of(new PendingBatches.Item(o.ref(), o.body(), o.headers()))));
            deliveries.sent(List.of(o.ref()), msgId);
        } else {
            throw new UpstreamUnavailableException("submit " + msgId + ": HTTP " + answer.status()
                    + " without a receipt, but receipts = SYNC");
        }
    }

    /** A synchronous receipt (or one found by a status query) for this record version. */
    private void settle(Exchange exchange, Outbound o, UpstreamReceipt receipt) {
        if (receipt.refusedAsBatch()) {
            deadLetter(exchange, DeadLetter.POISON, "batch " + receipt.ackFor() + " refused: " + receipt.batchErrors(),
                    o.toString());
            return;
        }
        UpstreamReceipt.Result result = receipt.resultFor(o.itemRef()).orElseThrow(() -> new UpstreamUnavailableException(
                "receipt " + receipt.ackFor() + " has no result for " + o));
        if (result.accepted()) {
            deliveries.accepted(List.of(o.ref()), receipt.ackFor());
        } else {
            deliveries.rejected(o.ref(), receipt.ackFor(), result.errors());
            deadLetter(exchange, DeadLetter.VALIDATION, result.errors(), o.toString());
        }
    }

    /**
     * Redelivered (a crash or rollback after the POST may have left it with the upstream) or still pending: ask the
     * upstream. True when that settled the message — it holds it (accepted, or its receipt is pending) — false
     * when it must be sent (unknown there, or refused before: a replay after the rule was lifted).
     */
    private boolean settledByStatus(Outbound o, String msgId) {
        Answer status = client.status(msgId);
        String state = status.json().path("state").asText("UNKNOWN");
        if ("PENDING".equals(state) && settings.receipts() == ReceiptMode.ASYNC) {
            if (!pending.exists(msgId)) {
                pending.save(new PendingBatches.Pending(msgId, clock.instant(),
                        List.of(new PendingBatches.Item(o.ref(), o.body(), o.headers()))));
            }
            deliveries.sent(List.of(o.ref()), msgId);
            LOG.info("{}: {} already with the upstream as {} (receipt pending); not sent again", id, o, msgId);
            return true;
        }
        Optional<UpstreamReceipt.Result> held = UpstreamReceipt.isReceipt(status.json().path("receipt"))
                ? UpstreamReceipt.parse(status.json().path("receipt")).resultFor(o.itemRef()) : Optional.empty();
        if ("DONE".equals(state) && held.isPresent() && held.get().accepted()) {
            deliveries.accepted(List.of(o.ref()), msgId);
            pending.delete(msgId);
            LOG.info("{}: {} already accepted by the upstream as {}; not sent again", id, o, msgId);
            return true;
        }
        return false;
    }

    private boolean mayHaveBeenSent(Message m, String msgId) {
        return Boolean.TRUE.equals(m.getHeader(JMS_REDELIVERED, Boolean.class))
                || Boolean.TRUE.equals(m.getHeader(Exchange.REDELIVERED, Boolean.class))
                || Optional.ofNullable(m.getHeader(JMS_DELIVERY_COUNT, Integer.class)).orElse(1) > 1
                || pending.exists(msgId);
    }

    private void deadLetter(Exchange exchange, String errorClass, String reason, String what) {
        DeadLetter letter = new DeadLetter(null, java.util.Map.of(), errorClass, reason);
        exchange.getMessage().setHeader(GatewayHeaders.ERROR_CLASS, letter.errorClass());
        exchange.getMessage().setHeader(GatewayHeaders.ERROR_REASON, letter.reason());
        exchange.setProperty(DEAD_LETTER, Boolean.TRUE);
        LOG.warn("{}: {} dead-lettered {}: {}", id, what, errorClass, letter.reason());
    }
}
