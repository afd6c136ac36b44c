package org.creditgate.core.delivery;

import java.util.Enumeration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.creditgate.spi.GatewayAddresses;

/**
 * How many messages wait on a queue, counted by browsing up to a cap: portable (any AMQP broker, embedded or
 * remote, without its management API) and bounded, so a 100k backlog costs at most {@code cap} message reads. A
 * browser sees only messages not yet handed to a consumer: a lane's prefetched and in-flight messages are not
 * counted, which is why a drain also watches the ledger's QUEUED deliveries.
 */
public final class QueueDepths {

    /** What operators see of one upstream's two queues; a count equal to the cap means "at least". */
    public record Depth(int scheduled, int realtime, int cap) {
        public int total() {
            return scheduled + realtime;
        }

        /** "12", or "≥1000" when the browse stopped at the cap. */
        public static String shown(int count, int cap) {
            return count >= cap ? "≥" + cap : String.valueOf(count);
        }
    }

    private final ConnectionFactory connections;

    public QueueDepths(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The scheduled and real-time queue of {@code upstream}, each counted up to {@code cap}. */
    public Depth upstream(String upstream, int cap) throws JMSException {
        return new Depth(count(GatewayAddresses.upstream(upstream), cap),
                count(GatewayAddresses.realtime(upstream), cap), cap);
    }

    /** Messages on {@code queue}, counted up to {@code cap}. */
    public int count(String queue, int cap) throws JMSException {
        try (Connection c = connections.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = s.createBrowser(s.createQueue(queue));
            Enumeration<?> e = browser.getEnumeration();
            int n = 0;
            while (n < cap && e.hasMoreElements()) {
                e.nextElement();
                n++;
            }
            return n;
        }
    }
}
