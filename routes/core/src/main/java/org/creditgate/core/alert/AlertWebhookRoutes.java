package org.creditgate.core.alert;

import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Route {@code core.alerts-webhook}: a shared durable subscription ({@value #SUBSCRIPTION}) on the alerts address,
 * consumed in a JMS transaction by the core's transacted JMS component, that POSTs each alert to the webhook. A shared
 * subscription lets every node of a cluster consume it while each alert is POSTed once; being durable, alerts raised
 * while the webhook route is down (a restart, a reload) wait for it.
 */
public final class AlertWebhookRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.alerts-webhook";
    public static final String SUBSCRIPTION = "creditgate-alerts-webhook";

    private final String jmsComponent;
    private final AlertWebhook webhook;

    public AlertWebhookRoutes(String jmsComponent, AlertWebhook webhook) {
        this.jmsComponent = jmsComponent;
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        // the webhook logs each failed POST in one WARN line; the stack trace of an expected outage is noise
        errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
        from(jmsComponent + ":topic:" + GatewayAddresses.ALERTS + "?subscriptionDurable=true&subscriptionShared=true"
                + "&subscriptionName=" + SUBSCRIPTION).routeId(ROUTE_ID)
                .process(webhook).id("core.alerts-webhook.post")
                .filter(exchangeProperty(AlertWebhook.DEAD_LETTER).isNotNull())
                    .setHeader(GatewayHeaders.ERROR_REASON, exchangeProperty(AlertWebhook.DEAD_LETTER))
                    .to(jmsComponent + ":queue:" + GatewayAddresses.ALERTS_WEBHOOK_DLQ)
                        .id("core.alerts-webhook.dead-letter")
                .end();
    }
}
