package org.creditgate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alert.Severity;
import org.creditgate.core.delivery.DeliveryJms;
import org.creditgate.core.delivery.FanOutRoutes;
import org.creditgate.core.ingest.TestBroker;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Alerts on a real Artemis broker: published on creditgate.alerts once per alertId, POSTed once by the webhook
 * subscription to a local HTTP server, redelivered by the broker while the webhook fails, dead-lettered with the
 * reason after the last try, and filtered by class.
 */
class AlertWebhookRoutesTest extends CamelTestSupport {

    private static final int MAX_TRIES = 3;
    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");

    private TestBroker broker;
    private CachingConnectionFactory connections;
    private HttpServer webhook;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start();
        connections = new CachingConnectionFactory(broker.connectionFactory());
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posted.add(body);
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        subscribe(AlertWebhookRoutes.SUBSCRIPTION);
        CamelContext context = super.createCamelContext();
        context.addComponent(FanOutRoutes.JMS, DeliveryJms.component(connections));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return routes(EnumSet.allOf(AlertClass.class));
    }

    private AlertWebhookRoutes routes(Set<AlertClass> classes) {
        WebhookSettings settings = new WebhookSettings(Optional.of(URI.create("http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook?token=t0ken")), classes, Duration.ofSeconds(5), MAX_TRIES);
        return new AlertWebhookRoutes(FanOutRoutes.JMS, new AlertWebhook(settings));
    }

    /**
     * Creates the durable subscription before the route's listener does (it starts asynchronously): an alert published
     * on a multicast address before any subscription exists reaches nobody.
     */
    private void subscribe(String name) throws Exception {
        try (Connection c = broker.connectionFactory().createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createSharedDurableConsumer(s.createTopic(GatewayAddresses.ALERTS), name).close();
        }
    }

    @AfterEach
    void stopInfrastructure() throws Exception {
        context.stop();
        connections.destroy();
        webhook.stop(0);
        broker.close();
    }

    private static Alert alert(String id, AlertClass c) {
        return Alert.of(id, c, Severity.WARNING, "upstream:province", "rec-" + id, "alert " + id, AT);
    }

    private List<String> postedIds() {
        return posted.stream().map(b -> Alert.fromJson(b).alertId()).toList();
    }

    @Test
    void anAlertRaisedTwiceReachesTheTopicAndTheWebhookOnce() throws Exception {
        JmsAlertPublisher publisher = new JmsAlertPublisher(broker.connectionFactory());
        try (Connection c = broker.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer console = s.createSharedDurableConsumer(s.createTopic(GatewayAddresses.ALERTS), "test");

            publisher.publish(alert("a", AlertClass.SHIELD_OVERDUE));
            publisher.publish(alert("a", AlertClass.SHIELD_OVERDUE));
            publisher.publish(alert("b", AlertClass.STALL));

            Message first = console.receive(10_000);
            Message second = console.receive(10_000);
            assertThat(Alert.fromJson(((TextMessage) first).getText())).isEqualTo(alert("a", AlertClass.SHIELD_OVERDUE));
            assertThat(first.getStringProperty(JmsAlertPublisher.ALERT_CLASS)).isEqualTo("SHIELD_OVERDUE");
            assertThat(((TextMessage) second).getText()).contains("\"alertId\":\"b\"");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> posted.size() >= 2);
        assertThat(postedIds()).containsExactly("a", "b");
        assertThat(broker.browse(GatewayAddresses.ALERTS_WEBHOOK_DLQ)).isEmpty();
    }

    @Test
    void aFailingWebhookGetsTheAlertAgainUntilItAnswers() throws Exception {
        failNext.set(MAX_TRIES - 1);

        new JmsAlertPublisher(broker.connectionFactory()).publish(alert("c", AlertClass.DLQ));

        await().atMost(Duration.ofSeconds(30)).until(() -> posted.size() >= MAX_TRIES);
        // the last POST was answered 204: delivered, not dead-lettered
        assertThat(postedIds()).containsExactly("c", "c", "c");
        assertThat(broker.browse(GatewayAddresses.ALERTS_WEBHOOK_DLQ)).isEmpty();
    }

    @Test
    void anAlertTheWebhookNeverTakesIsDeadLetteredWithTheReasonAfterTheLastTry() throws Exception {
        failNext.set(Integer.MAX_VALUE);

        new JmsAlertPublisher(broker.connectionFactory()).publish(alert("d", AlertClass.HEALTH));

        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.browse(GatewayAddresses.ALERTS_WEBHOOK_DLQ)
                .isEmpty());
        Message letter = broker.browse(GatewayAddresses.ALERTS_WEBHOOK_DLQ).get(0);
        assertThat(letter.getBody(String.class)).contains("\"alertId\":\"d\"");
        assertThat(letter.getStringProperty(GatewayHeaders.ERROR_REASON))
                .contains("try " + MAX_TRIES + " of " + MAX_TRIES).contains("HTTP 503")
                .doesNotContain("t0ken");
        assertThat(postedIds()).containsExactly("d", "d", "d");
    }

    @Test
    void onlyTheConfiguredClassesArePosted() throws Exception {
        context.getRouteController().stopRoute(AlertWebhookRoutes.ROUTE_ID);
        context.removeRoute(AlertWebhookRoutes.ROUTE_ID);
        context.addRoutes(routes(EnumSet.of(AlertClass.STALL)));
        JmsAlertPublisher publisher = new JmsAlertPublisher(broker.connectionFactory());

        publisher.publish(alert("e", AlertClass.SHIELD_OVERDUE));
        publisher.publish(alert("f", AlertClass.STALL));

        await().atMost(Duration.ofSeconds(20)).until(() -> !posted.isEmpty());
        assertThat(postedIds()).containsExactly("f");
    }

    @Test
    void turningTheWebhookOffRemovesItsSubscription() throws Exception {
        context.getRouteController().stopRoute(AlertWebhookRoutes.ROUTE_ID);
        context.removeRoute(AlertWebhookRoutes.ROUTE_ID);
        connections.resetConnection();

        assertThat(AlertWebhookRoutes.unsubscribe(broker.connectionFactory())).as("there was one").isTrue();
        assertThat(AlertWebhookRoutes.unsubscribe(broker.connectionFactory())).as("it is gone").isFalse();
    }
}
