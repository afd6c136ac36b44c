package org.creditgate.core.objection;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Puts objection events on the provider's queue {@link GatewayAddresses#objections} (persistent, transacted). The
 * duplicate-detection id is {@code objection:<objectionId>:<event>:<version>}, so the catch-up sweep or a repeated
 * listener call never puts the same event twice.
 */
public final class JmsObjectionNotifier implements ObjectionNotifier {

    /** Message property naming the objection, for selectors on the department's side. */
    public static final String OBJECTION_ID = "objectionId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionFactory connections;

    public JmsObjectionNotifier(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void notify(Event event, ObjectionEntry o) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("event", event.name());
        body.putAll(ObjectionEvents.view(o, false));
        try (Connection c = connections.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(GatewayAddresses.objections(o.provider())));
            TextMessage m = s.createTextMessage(JSON.writeValueAsString(body));
            m.setStringProperty(OBJECTION_ID, o.objectionId());
            m.setStringProperty(GatewayHeaders.RECORD_ID, o.targetRecordId());
            m.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "objection:" + o.objectionId() + ":" + event
                    + ":" + o.recordVersion());
            p.send(m);
            try {
                s.commit();
            } catch (TransactionRolledBackException e) {
                // the broker refuses a duplicate id by rolling back: this event was put before
                if (e.getMessage() == null || !e.getMessage().contains("Duplicate message detected")) {
                    throw e;
                }
            }
        }
    }
}
