package org.creditgate.core.reconcile;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;

/**
 * Resends over the broker, through the same durable path as the fan-out: the upstream's queue, the record's canonical
 * JSON from the ledger with the same gateway headers and message group. The duplicate-detection id is NOT the
 * fan-out's {@code recordId:version:upstream} — the broker remembers that one and would drop the resend (as
 * {@code DeadLetters.replay} knows) — but {@code recordId:version:upstream:resend:<attempt>}: a fresh id per
 * automatic try, and the same one if the same try is made twice (a crash between the send and the ledger's count),
 * so a try is never delivered twice. The upstream sees the same recordId+version again: idempotent on its side.
 */
public final class JmsResender implements Resender {

    private final ConnectionFactory connections;

    public JmsResender(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void resend(String upstream, RecordVersion v, int attempt) throws JMSException {
        send(GatewayAddresses.upstream(upstream), upstream, v, v.recordId() + ":" + v.version() + ":" + upstream
                + ":resend:" + attempt, null, null);
    }

    /**
     * Puts a shield back on an upstream's real-time lane (the shield SLA's resend), naming the version the upstream
     * holds; duplicate id {@code recordId:1:upstream:shield-resend:<attempt>}, like {@link #resend}.
     */
    public void resendShield(String upstream, RecordVersion shield, String target, int attempt) throws JMSException {
        send(GatewayAddresses.realtime(upstream), upstream, shield, shield.recordId() + ":" + shield.version() + ":"
                + upstream + ":shield-resend:" + attempt, null, target);
    }

    @Override
    public void deadLetter(String upstream, RecordVersion v, String reason) throws JMSException {
        send(GatewayAddresses.deadLetters(upstream), upstream, v, v.recordId() + ":" + v.version() + ":" + upstream
                + ":reconciliation-dlq:" + System.currentTimeMillis(), reason, null);
    }

    private void send(String queue, String upstream, RecordVersion v, String duplicateId, String reason,
            String shieldTarget) throws JMSException {
        try (Connection c = connections.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            TextMessage m = s.createTextMessage(v.payload());
            m.setStringProperty(GatewayHeaders.RECORD_ID, v.recordId());
            m.setIntProperty(GatewayHeaders.VERSION, v.version());
            m.setStringProperty(GatewayHeaders.DATASET, v.dataset());
            m.setStringProperty(GatewayHeaders.OP, v.op());
            m.setStringProperty(GatewayHeaders.DEPARTMENT, v.department());
            m.setStringProperty(GatewayHeaders.UPSTREAM, upstream);
            m.setStringProperty(GatewayHeaders.GROUP, v.subjectKey());
            m.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, duplicateId);
            if (shieldTarget != null) {
                m.setStringProperty(GatewayHeaders.SHIELD_TARGET, shieldTarget);
            }
            if (reason != null) {
                m.setStringProperty(GatewayHeaders.ERROR_CLASS, ERROR_CLASS);
                m.setStringProperty(GatewayHeaders.ERROR_REASON, reason);
            }
            p.send(m);
            try {
                s.commit();
            } catch (jakarta.jms.TransactionRolledBackException e) {
                // Artemis refuses a duplicate id by rolling the commit back: this try was made already, and the
                // broker still holds (or delivered) its copy — done, not a failure
                if (e.getMessage() == null || !e.getMessage().contains("Duplicate message detected")) {
                    throw e;
                }
            }
        }
    }
}
