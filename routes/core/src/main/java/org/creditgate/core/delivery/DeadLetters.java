package org.creditgate.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter queue of each upstream ({@code creditgate.dlq.<id>}, filled by its sink connector): what is in it and
 * why, and replay — back onto the upstream's queue, filtered by error class and time, as a dry run or for real, at
 * a bounded rate, each move in its own transaction (a crash mid-replay loses nor doubles a message), audited in the
 * log with the operator and the reason.
 */
public final class DeadLetters {

    /** Header a sink sets when it dead-letters a message itself: VALIDATION, TRANSIENT or POISON. */
    public static final String ERROR_CLASS = GatewayHeaders.ERROR_CLASS;
    /** Header with the reason, set with {@link #ERROR_CLASS}. */
    public static final String ERROR_REASON = GatewayHeaders.ERROR_REASON;
    /** A letter without a class (dead-lettered by other means) counts as TRANSIENT. */
    public static final String TRANSIENT = "TRANSIENT";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_LIST = 1000;

    private final ConnectionFactory connections;

    public DeadLetters(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The DLQ of an upstream. */
    public static String queue(String upstream) {
        return GatewayAddresses.deadLetters(upstream);
    }

    /** A dead letter as operators see it. */
    public record Letter(String messageId, String recordId, Integer version, String dataset, String errorClass,
            String reason, Instant queuedAt, int deliveryCount) {
    }

    /** What a replay did (or, dry, would do). */
    public record Replay(String upstream, boolean dryRun, int matched, int replayed, List<String> recordIds) {
    }

    /** Which letters a listing or replay takes; null fields do not filter. */
    public record Filter(String errorClass, Instant from, Instant to) {
        boolean matches(Letter l) {
            return (errorClass == null || errorClass.equalsIgnoreCase(l.errorClass()))
                    && (from == null || !l.queuedAt().isBefore(from)) && (to == null || l.queuedAt().isBefore(to));
        }
    }

    public List<Letter> list(String upstream, Filter filter) throws JMSException {
        List<Letter> out = new ArrayList<>();
        try (Connection c = connections.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = s.createBrowser(s.createQueue(queue(upstream)));
            @SuppressWarnings("unchecked")
            Enumeration<Message> e = browser.getEnumeration();
            for (Message m : Collections.list(e)) {
                Letter l = letter(m);
                if (filter.matches(l) && out.size() < MAX_LIST) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /**
     * Moves matching letters back to the upstream's queue, at most {@code perSecond} a second; {@code dryRun} only
     * counts them.
     */
    public Replay replay(String upstream, Filter filter, boolean dryRun, int perSecond, String operator,
            String reason) throws JMSException, InterruptedException {
        List<Letter> matching = list(upstream, filter);
        if (dryRun) {
            LOG.info("DLQ replay dry run by {} ({}): {} letters of {} match {}", operator, reason, matching.size(),
                    upstream, filter);
            return new Replay(upstream, true, matching.size(), 0, ids(matching));
        }
        long pause = 1000L / Math.max(1, perSecond);
        int replayed = 0;
        try (Connection c = connections.createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue dlq = s.createQueue(queue(upstream));
            MessageProducer back = s.createProducer(s.createQueue(GatewayAddresses.upstream(upstream)));
            for (Letter l : matching) {
                if (l.recordId() == null || l.version() == null || !l.recordId().matches("[0-9a-f-]{1,64}")) {
                    continue; // not a record version (and never put into a selector unchecked)
                }
                // record id + version identify a letter on one upstream's DLQ (duplicate detection keeps one copy)
                String selector = GatewayHeaders.RECORD_ID + " = '" + l.recordId() + "' AND " + GatewayHeaders.VERSION
                        + " = " + l.version();
                try (MessageConsumer one = s.createConsumer(dlq, selector)) {
                    Message m = one.receive(5_000);
                    if (m == null) {
                        continue; // taken meanwhile by another replay
                    }
                    back.send(resend(s, m));
                    s.commit();
                    replayed++;
                }
                Thread.sleep(pause);
            }
        }
        LOG.info("DLQ replay by {} ({}): {} of {} matching letters of {} moved back to {}", operator, reason, replayed,
                matching.size(), upstream, GatewayAddresses.upstream(upstream));
        return new Replay(upstream, false, matching.size(), replayed, ids(matching));
    }

    /**
     * A fresh copy for the upstream's queue: the same body and gateway headers, without the dead letter's verdict,
     * and a new duplicate-detection id — the broker remembers the original one and would drop the replay.
     */
    @SuppressWarnings("unchecked")
    private static Message resend(Session s, Message letter) throws JMSException {
        TextMessage copy = s.createTextMessage(letter.getBody(String.class));
        for (String name : Collections.list((Enumeration<String>) letter.getPropertyNames())) {
            if (!name.equals(ERROR_CLASS) && !name.equals(ERROR_REASON) && !name.startsWith("JMSX")
                    && !name.startsWith("_AMQ")) {
                copy.setObjectProperty(name, letter.getObjectProperty(name));
            }
        }
        String group = letter.getStringProperty(GatewayHeaders.GROUP);
        if (group != null) {
            copy.setStringProperty(GatewayHeaders.GROUP, group);
        }
        copy.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, letter.getStringProperty(GatewayHeaders.RECORD_ID)
                + ":" + letter.getIntProperty(GatewayHeaders.VERSION) + ":replay:" + System.nanoTime());
        return copy;
    }

    /** Counts per upstream, for operators. */
    public Map<String, Integer> depths(List<String> upstreams) throws JMSException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String u : upstreams) {
            out.put(u, list(u, new Filter(null, null, null)).size());
        }
        return out;
    }

    private static Letter letter(Message m) throws JMSException {
        String errorClass = m.getStringProperty(ERROR_CLASS);
        String reason = m.getStringProperty(ERROR_REASON);
        return new Letter(m.getJMSMessageID(), m.getStringProperty(GatewayHeaders.RECORD_ID),
                m.propertyExists(GatewayHeaders.VERSION) ? m.getIntProperty(GatewayHeaders.VERSION) : null,
                m.getStringProperty(GatewayHeaders.DATASET), errorClass == null ? TRANSIENT : errorClass,
                reason == null ? "no reason recorded (see the connector's log)" : reason,
                Instant.ofEpochMilli(m.getJMSTimestamp()),
                m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0);
    }

    private static List<String> ids(List<Letter> letters) {
        return letters.stream().map(Letter::recordId).toList();
    }
}
