package org.creditgate.core.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one alert from the webhook subscription. A failed POST (no answer within the timeout, or not 2xx) throws, so
 * the JMS transaction rolls back and the broker redelivers with its backoff; on the last of {@code maxTries} the
 * alert is marked for the dead-letter queue instead (property {@value #DEAD_LETTER}, the reason) and the route
 * commits it there.
 */
public final class AlertWebhook implements Processor {

    /** Exchange property holding the reason when the alert is to be dead-lettered. */
    public static final String DEAD_LETTER = "creditgateAlertDeadLetter";
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);

    private final WebhookSettings settings;
    private final HttpClient http;

    public AlertWebhook(WebhookSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String body = exchange.getIn().getBody(String.class);
        Alert alert = Alert.fromJson(body);
        if (!settings.wants(alert.alertClass()) || settings.url().isEmpty()) {
            return;
        }
        int tries = deliveryCount(exchange);
        try {
            post(alert);
        } catch (IOException | RuntimeException e) {
            String why = "webhook " + settings.where() + " failed (try " + tries + " of " + settings.maxTries() + "): "
                    + e.getMessage();
            if (tries < settings.maxTries()) {
                LOG.warn("Alert {}: {}; the broker redelivers it", alert.alertId(), why);
                throw e;
            }
            LOG.warn("Alert {}: {}; dead-lettered", alert.alertId(), why);
            exchange.setProperty(DEAD_LETTER, why);
        }
    }

    private void post(Alert alert) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.url().get()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-CreditGate-Alert-Id", alert.alertId())
                .POST(HttpRequest.BodyPublishers.ofString(alert.toJson(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
    }

    private static int deliveryCount(Exchange exchange) throws Exception {
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        if (jms != null && jms.getJmsMessage() != null && jms.getJmsMessage().propertyExists(DELIVERY_COUNT)) {
            return jms.getJmsMessage().getIntProperty(DELIVERY_COUNT);
        }
        Integer header = exchange.getIn().getHeader(DELIVERY_COUNT, Integer.class);
        return header == null ? 1 : header;
    }
}
