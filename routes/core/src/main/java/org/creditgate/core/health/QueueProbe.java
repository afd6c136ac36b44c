package org.creditgate.core.health;

import java.time.Instant;
import java.util.Enumeration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/**
 * Depth and oldest message of a queue, read by browsing it over JMS — the way {@code DeadLetters} reads the DLQs,
 * so it works against the embedded broker and an external one alike. A browser sees the messages waiting, not the
 * ones a consumer holds right now; a lane stuck inside a send holds at most its consumers' few messages, and the
 * rest wait visibly behind them. Counting stops at {@link #MAX_COUNT} (reported as that many).
 */
public final class QueueProbe {

    /** Browsing a very long queue every few seconds would cost more than the number is worth. */
    public static final int MAX_COUNT = 100_000;

    /** What a queue holds: how many messages, and when the oldest was sent (null when empty). */
    public record Depth(long messages, Instant oldest) {
        public static final Depth EMPTY = new Depth(0, null);
    }

    private final ConnectionFactory connections;

    public QueueProbe(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Browses {@code queue}; the broker creates nothing for a browse, a missing queue reads as empty. */
    public Depth depth(String queue) throws JMSException {
        try (Connection c = connections.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = s.createBrowser(s.createQueue(queue))) {
                @SuppressWarnings("unchecked")
                Enumeration<Message> e = browser.getEnumeration();
                long count = 0;
                long oldest = Long.MAX_VALUE;
                while (e.hasMoreElements() && count < MAX_COUNT) {
                    Message m = e.nextElement();
                    count++;
                    if (m.getJMSTimestamp() > 0) {
                        oldest = Math.min(oldest, m.getJMSTimestamp());
                    }
                }
                return new Depth(count, oldest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(oldest));
            } finally {
                s.close();
            }
        }
    }
}
