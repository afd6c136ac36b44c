package org.creditgate.core.shield;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Department events over the broker: a persistent text message on {@code creditgate.events.<department>}, committed
 * in a transaction, with the event id as Artemis duplicate-detection id so that a repeated notice (a catch-up after
 * a crash) is delivered once.
 */
public final class JmsDepartmentEvents implements DepartmentEvents {

    /** Message property naming the event type. */
    public static final String EVENT = "cgEvent";

    private final ConnectionFactory connections;

    public JmsDepartmentEvents(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void send(String department, String eventId, String json) throws JMSException {
        try (Connection c = connections.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(GatewayAddresses.departmentEvents(department)));
            TextMessage m = s.createTextMessage(json);
            m.setStringProperty(GatewayHeaders.DEPARTMENT, department);
            m.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, eventId);
            m.setStringProperty(EVENT, eventId.substring(0, eventId.indexOf(':')));
            p.send(m);
            try {
                s.commit();
            } catch (jakarta.jms.TransactionRolledBackException e) {
                // Artemis refuses a duplicate id by rolling back: the department was told already
                if (e.getMessage() == null || !e.getMessage().contains("Duplicate message detected")) {
                    throw e;
                }
            }
        }
    }
}
