package org.creditgate.connector.envelope;

import org.creditgate.spi.delivery.UntilDelivered;
import java.nio.file.Path;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.connector.envelope.EnvelopeSettings.ReceiptMode;
import org.creditgate.connector.envelope.ReceiptPoller.Finished;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayHeaders;

/**
 * The sink's routes: {@code <id>.send} consumes the upstream's queue (transacted in Karaf) and delivers each
 * record version; with ASYNC receipts {@code <id>.receipts} polls the outstanding receipts on a timer. No routing
 * logic here: {@link EnvelopeSender} and {@link ReceiptPoller} decide, the routes move messages.
 */
final class EnvelopeRoutes extends RouteBuilder {

    static final String SEND = "send";
    static final String RECEIPTS = "receipts";
    static final String LOG_NAME = "org.creditgate.connector.envelope";
    private static final String FINISHED = "creditgate.envelope.finished";

    private final ConnectorDescriptor descriptor;
    private final EnvelopeSettings settings;
    private final ConnectorContext context;

    EnvelopeRoutes(ConnectorDescriptor descriptor, EnvelopeSettings settings, ConnectorContext context) {
        this.descriptor = descriptor;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void configure() {
        String p = descriptor.routePrefix();
        UpstreamClient client = new UpstreamClient(settings, descriptor.id());
        PendingBatches pending = new PendingBatches(pendingDir());
        EnvelopeSender sender = new EnvelopeSender(descriptor.id(), settings,
                new EnvelopeTranslator(settings, descriptor.department(), context.clock()), client, pending,
                context.deliveries(), context.clock());

        // an unavailable upstream: the sender logged one line; the exception rolls the transaction back
        UntilDelivered.retry(onException(UpstreamUnavailableException.class)).handled(false).id(p + "unavailable");

        from(context.upstreamQueueUri()).routeId(p + SEND)
                // a replayed dead letter carries its old verdict
                .removeHeader(GatewayHeaders.ERROR_CLASS).removeHeader(GatewayHeaders.ERROR_REASON)
                .process(sender).id(p + "deliver")
                .filter(exchangeProperty(EnvelopeSender.DEAD_LETTER).isEqualTo(true)).id(p + "refused")
                    .to(context.deadLetterUri()).id(p + "dead-letter")
                .end();

        if (settings.receipts() == ReceiptMode.ASYNC) {
            receipts(p, new ReceiptPoller(descriptor.id(), client, pending, context.deliveries(),
                    settings.receiptTimeout(), context.clock()));
        }
    }

    private void receipts(String p, ReceiptPoller poller) {
        String next = "; next poll in " + settings.receiptPollPeriod().toString().substring(2).toLowerCase();
        from(EnvelopeUris.receiptTimer(descriptor, settings)).routeId(p + RECEIPTS)
                .onException(UpstreamUnavailableException.class).handled(true)
                    .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": receipt poll: ${exception.message}" + next)
                    .id(p + "poll-failed")
                .end()
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": receipt poll failed unexpectedly: "
                            + "${exception.class.name}: ${exception.message}" + next)
                    .id(p + "poll-broken")
                .end()
                .process(e -> e.getMessage().setBody(poller.poll())).id(p + "poll")
                .split(body()).id(p + "each-receipt")
                    .setProperty(FINISHED, body())
                    .split().body(Finished.class, Finished::deadLetters).id(p + "each-refused")
                        .process(e -> {
                            DeadLetter letter = e.getMessage().getBody(DeadLetter.class);
                            e.getMessage().setHeaders(new java.util.HashMap<>(letter.headers()));
                            e.getMessage().setHeader(GatewayHeaders.ERROR_CLASS, letter.errorClass());
                            e.getMessage().setHeader(GatewayHeaders.ERROR_REASON, letter.reason());
                            e.getMessage().setBody(letter.body());
                        }).id(p + "letter")
                        .to(context.deadLetterUri()).id(p + "dead-letter-refused")
                    .end()
                    .process(e -> poller.report(e.getProperty(FINISHED, Finished.class))).id(p + "report")
                .end();
    }

    private Path pendingDir() {
        return context.workDir().resolve("pending");
    }
}
