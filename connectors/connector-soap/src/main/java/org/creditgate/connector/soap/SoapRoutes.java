package org.creditgate.connector.soap;

import org.creditgate.spi.delivery.PoisonMessageException;
import org.creditgate.spi.delivery.UntilDelivered;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.RoutePolicySupport;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayHeaders;

/**
 * The SOAP sink's route {@code <id>.send}: consumes the upstream's queue (a JMS transaction in Karaf) and hands each
 * record version to {@link NationalSender}.
 * <ul>
 * <li>accepted: reported, the message is acknowledged;</li>
 * <li>refused by the platform: reported REJECTED, then dead-lettered with {@code VALIDATION} and the platform's
 *     error text, in the same transaction;</li>
 * <li>cannot be sent at all (unreadable message, fault BAD_REQUEST, no result in the receipt): dead-lettered with
 *     {@code POISON};</li>
 * <li>platform down (fault UNAVAILABLE/INTERNAL, unreachable, timeout): the send is retried in place with backoff
 *     until the platform answers (UntilDelivered), keeping the order; anything unexpected: one WARN line and the
 *     transaction rolls back for the broker to redeliver.</li>
 * </ul>
 */
final class SoapRoutes extends RouteBuilder {

    static final String SEND = "send";
    static final String SUBMIT = "submit";
    static final String REFUSED = "refused";
    static final String POISON = "poison";
    static final String RETRY = "retry";
    static final String BROKEN = "broken";
    static final String VALIDATION = "VALIDATION";
    static final String POISON_CLASS = "POISON";
    static final String LOG_NAME = "org.creditgate.connector.soap";

    private final ConnectorDescriptor descriptor;
    private final ConnectorContext context;
    private final NationalSender sender;
    private final NationalClient client;

    SoapRoutes(ConnectorDescriptor descriptor, ConnectorContext context, NationalSender sender, NationalClient client) {
        this.descriptor = descriptor;
        this.context = context;
        this.sender = sender;
        this.client = client;
    }

    @Override
    public void configure() {
        String prefix = descriptor.routePrefix();
        String dlq = context.deadLetterUri();
        String record = " ${header." + GatewayHeaders.RECORD_ID + "}:${header." + GatewayHeaders.VERSION + "}";

        onException(PoisonMessageException.class).handled(true)
                .setHeader(GatewayHeaders.ERROR_CLASS, constant(POISON_CLASS))
                .setHeader(GatewayHeaders.ERROR_REASON, simple("${exception.message}"))
                .to(dlq).id(prefix + POISON)
                .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": dead-lettered" + record
                        + " as POISON: ${exception.message}");
        // retried in place until the platform answers; Camel logs one WARN line per attempt
        UntilDelivered.retry(onException(UpstreamUnavailableException.class)).handled(false).id(prefix + RETRY);
        onException(Exception.class).handled(false).logExhausted(false).logStackTrace(false)
                .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ":" + record + " failed unexpectedly, the broker "
                        + "redelivers it: ${exception.class.name}: ${exception.message}").id(prefix + BROKEN);

        from(context.upstreamQueueUri()).routeId(prefix + SEND)
                .routePolicy(new ClosesClient(client))
                .process(sender).id(prefix + SUBMIT)
                .filter(exchangeProperty(NationalSender.REFUSAL).isNotNull())
                    .setHeader(GatewayHeaders.ERROR_CLASS, constant(VALIDATION))
                    .setHeader(GatewayHeaders.ERROR_REASON, exchangeProperty(NationalSender.REFUSAL))
                    .to(dlq).id(prefix + REFUSED)
                .end();
    }

    /** Releases the CXF client when the registry removes the route (instance reconfigured or deleted). */
    private static final class ClosesClient extends RoutePolicySupport {
        private final NationalClient client;

        ClosesClient(NationalClient client) {
            this.client = client;
        }

        @Override
        public void onRemove(Route route) {
            client.close();
        }
    }
}
