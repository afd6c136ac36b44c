package org.creditgate.core.alert;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route {@code core.alerts-webhook}: a shared durable subscription ({@value #SUBSCRIPTION}) on the alerts address,
 * consumed in a JMS transaction by the core's transacted JMS component, that POSTs each alert to the webhook. A shared
 * subscription lets every node of a cluster consume it while each alert is POSTed once; being durable, alerts raised
 * while the webhook route is down (a restart, a reload) wait for it.
 */
public final class AlertWebhookRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.alerts-webhook";
    public static final String SUBSCRIPTION = "creditgate-alerts-webhook";
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhookRoutes.class);

    private final String jmsComponent;
    private final AlertWebhook webhook;

    public AlertWebhookRoutes(String jmsComponent, AlertWebhook webhook) {
        this.jmsComponent = jmsComponent;
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        // the webhook logs each failed POST in one WARN line; the stack trace of an expected outage is noise. The
        // failure reaches the listener container, which rolls the transaction back for the broker to redeliver.
        errorHandler(noErrorHandler());
        from(jmsComponent + ":topic:" + GatewayAddresses.ALERTS + "?subscriptionDurable=true&subscriptionShared=true"
                + "&subscriptionName=" + SUBSCRIPTION + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false").routeId(ROUTE_ID)
                .process(webhook).id("core.alerts-webhook.post")
                .filter(exchangeProperty(AlertWebhook.DEAD_LETTER).isNotNull())
                    .setHeader(GatewayHeaders.ERROR_REASON, exchangeProperty(AlertWebhook.DEAD_LETTER))
                    .to(jmsComponent + ":queue:" + GatewayAddresses.ALERTS_WEBHOOK_DLQ)
                        .id("core.alerts-webhook.dead-letter")
                .end();
    }

    /**
     * Removes the webhook's durable subscription, for when the webhook is turned off: left alone it would keep every
     * alert for a webhook that no longer reads them. True when there was one; false when there was none, or it is
     * still read (another node with the webhook on) or the broker cannot be reached (logged).
     */
    public static boolean unsubscribe(ConnectionFactory connections) {
        try (Connection c = connections.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.unsubscribe(SUBSCRIPTION);
            return true;
        } catch (InvalidDestinationException e) {
            return false;
        } catch (JMSException e) {
            LOG.warn("The alerts webhook's subscription {} could not be removed: {}", SUBSCRIPTION, e.toString());
            return false;
        }
    }
}
