package org.creditgate.core.alert;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Publishes an alert on the multicast address {@link GatewayAddresses#ALERTS} (persistent, transacted), with the
 * alertId as duplicate-detection id and the class as message property {@value #ALERT_CLASS}.
 */
public final class JmsAlertPublisher implements Alerts.Publisher {

    /** Message property with the alert's class, for subscribers' selectors. */
    public static final String ALERT_CLASS = "alertClass";
    /** Message property with the alert's id. */
    public static final String ALERT_ID = "alertId";

    private final ConnectionFactory connections;

    public JmsAlertPublisher(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void publish(Alert alert) throws Exception {
        try (Connection c = connections.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createTopic(GatewayAddresses.ALERTS));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage m = s.createTextMessage(alert.toJson());
            m.setStringProperty(ALERT_CLASS, alert.alertClass().name());
            m.setStringProperty(ALERT_ID, alert.alertId());
            m.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "alert:" + alert.alertId());
            p.send(m);
            try {
                s.commit();
            } catch (TransactionRolledBackException e) {
                // the broker refuses a duplicate id by rolling back: this alert was published before
                if (e.getMessage() == null || !e.getMessage().contains("Duplicate message detected")) {
                    throw e;
                }
            }
        }
    }
}
