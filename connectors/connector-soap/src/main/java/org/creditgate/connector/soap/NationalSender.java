package org.creditgate.connector.soap;

import org.creditgate.spi.delivery.PoisonMessageException;
import org.creditgate.spi.delivery.UpstreamMessage;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.creditgate.connector.soap.ws.SubmitBatch;
import org.creditgate.connector.soap.ws.WsError;
import org.creditgate.connector.soap.ws.WsReceipt;
import org.creditgate.connector.soap.ws.WsResult;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.delivery.DeliveryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one queued record version to the national platform and reports the synchronous receipt to the ledger:
 * ACCEPTED → {@code accepted(ref, ackFor)}; REJECTED → {@code rejected(ref, ackFor, errors)} and the exchange
 * property {@link #REFUSAL} (the route then dead-letters it as VALIDATION). Transient failures and poison messages
 * are thrown ({@link UpstreamUnavailableException}, {@link PoisonMessageException}) for the route to handle.
 */
final class NationalSender implements Processor {

    /** Exchange property: the platform's error text when it refused the record. */
    static final String REFUSAL = "creditgate.upstreamRefusal";
    static final String ACCEPTED = "ACCEPTED";
    private static final Logger LOG = LoggerFactory.getLogger(NationalSender.class);

    private final NationalClient client;
    private final SoapSettings settings;
    private final ConnectorDescriptor descriptor;
    private final ConnectorContext context;

    NationalSender(NationalClient client, SoapSettings settings, ConnectorDescriptor descriptor,
            ConnectorContext context) {
        this.client = client;
        this.settings = settings;
        this.descriptor = descriptor;
        this.context = context;
    }

    @Override
    public void process(Exchange exchange) {
        UpstreamMessage m = UpstreamMessage.of(exchange.getIn());
        SubmitBatch batch = NationalBatch.of(m, settings.sender(), descriptor.department(), context.clock());
        WsReceipt receipt = client.submit(batch);
        DeliveryRef ref = m.ref();
        DeliveryRef named = m.itemRef();
        WsResult result = receipt.results.stream()
                .filter(r -> named.recordId().equals(r.recordId) && named.version() == r.version).findFirst()
                .orElseThrow(() -> new PoisonMessageException("receipt " + receipt.ackFor + " (" + receipt.status
                        + errors(receipt.errors) + ") has no result for " + ref.recordId() + ":" + ref.version()));
        String receiptId = receipt.ackFor == null ? batch.header.msgId : receipt.ackFor;
        if (ACCEPTED.equals(result.status)) {
            context.deliveries().accepted(List.of(ref), receiptId);
            return;
        }
        String error = result.status + errors(result.errors.isEmpty() ? receipt.errors : result.errors);
        context.deliveries().rejected(ref, receiptId, error);
        LOG.warn("{}: national refused {}:{} ({}): {}", descriptor.id(), ref.recordId(), ref.version(), m.dataset(),
                error);
        exchange.setProperty(REFUSAL, error);
    }

    /** {@code ": E_RULE(CF_CFLB) rejected by rule …; E_…"}, or empty. */
    static String errors(List<WsError> errors) {
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        return errors.stream().map(e -> e.code + "(" + e.field + ") " + e.msg).collect(Collectors.joining("; ", ": ",
                ""));
    }
}
