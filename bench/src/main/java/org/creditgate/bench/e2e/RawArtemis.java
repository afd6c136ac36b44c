package org.creditgate.bench.e2e;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.creditgate.spi.GatewayHeaders;

/**
 * The ceiling: persistent JMS send + receive through the gateway's own embedded Artemis (same journal, same disk,
 * same AMQP acceptor, same client library as the gateway) to a bench-only queue, with messages shaped like the
 * gateway's (the canonical record JSON as a text message, the same properties, a unique duplicate-detection id).
 * A consumer on its own connection receives concurrently; a mode's figure is messages received / (last receive −
 * first send).
 */
public final class RawArtemis {

    /** How the producer sends. */
    public enum Mode {
        /** one persistent send at a time, each waiting for the broker's disk confirmation */
        SYNC("sync send, one at a time"),
        /** a transacted session, one commit per batch */
        TRANSACTED("transacted batches"),
        /** JMS 2 asynchronous sends of a batch, then wait for every confirmation (what the gateway's ingest does) */
        ASYNC("async sends, confirm per batch");

        public final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    public record Result(Mode mode, int batch, long messages, double seconds, int bodyBytes) {
        public double perSecond() {
            return seconds <= 0 ? 0 : messages / seconds;
        }
    }

    private final String url;
    private final String user;
    private final String password;

    public RawArtemis(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Sends for {@code seconds}, then waits (at most a minute) until the consumer has received everything sent. */
    public Result run(Mode mode, int batch, String body, double seconds) throws Exception {
        String queueName = "bench.raw." + mode.name().toLowerCase() + "." + System.nanoTime();
        JmsConnectionFactory cf = new JmsConnectionFactory(user, password, url);
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceive = new AtomicLong();
        AtomicReference<Exception> consumerFailure = new AtomicReference<>();
        try (Connection producerConn = cf.createConnection(); Connection consumerConn = cf.createConnection()) {
            producerConn.start();
            consumerConn.start();
            Session cs = mode == Mode.SYNC ? consumerConn.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    : consumerConn.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = cs.createQueue(queueName);
            MessageConsumer consumer = cs.createConsumer(q);
            AtomicLong sent = new AtomicLong();
            CountDownLatch producerDone = new CountDownLatch(1);
            Thread consumerThread = new Thread(() -> {
                try {
                    int uncommitted = 0;
                    while (true) {
                        Message m = consumer.receive(200);
                        if (m == null) {
                            if (uncommitted > 0) {
                                cs.commit();
                                uncommitted = 0;
                            }
                            if (producerDone.getCount() == 0 && received.get() >= sent.get()) {
                                return;
                            }
                            continue;
                        }
                        if (cs.getTransacted() && ++uncommitted >= batch) {
                            cs.commit();
                            uncommitted = 0;
                        }
                        received.incrementAndGet();
                        lastReceive.set(System.nanoTime());
                    }
                } catch (Exception e) {
                    consumerFailure.set(e);
                }
            }, "raw-consumer");
            consumerThread.start();

            Session ps = mode == Mode.TRANSACTED ? producerConn.createSession(true, Session.SESSION_TRANSACTED)
                    : producerConn.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = ps.createProducer(ps.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long n = 0;
            while (System.nanoTime() < end) {
                switch (mode) {
                    case SYNC -> producer.send(message(ps, body, ++n));
                    case TRANSACTED -> {
                        for (int i = 0; i < batch; i++) {
                            producer.send(message(ps, body, ++n));
                        }
                        ps.commit();
                    }
                    case ASYNC -> {
                        Confirmations c = new Confirmations(batch);
                        for (int i = 0; i < batch; i++) {
                            producer.send(message(ps, body, ++n), c);
                        }
                        c.await();
                    }
                }
                sent.set(n);
            }
            producerDone.countDown();
            consumerThread.join(60_000);
            if (consumerThread.isAlive()) {
                consumerThread.interrupt();
                throw new IllegalStateException("raw " + mode + ": consumer did not drain " + sent.get()
                        + " messages within 60 s (received " + received.get() + ")");
            }
            if (consumerFailure.get() != null) {
                throw consumerFailure.get();
            }
            if (received.get() != sent.get()) {
                throw new IllegalStateException("raw " + mode + ": sent " + sent.get() + ", received " + received.get());
            }
            consumer.close();
            return new Result(mode, mode == Mode.SYNC ? 1 : batch, received.get(), (lastReceive.get() - t0) / 1e9,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    /** A message like the gateway's JmsDurableEnqueuer sends: text body, record properties, group, duplicate id. */
    private static TextMessage message(Session s, String body, long n) throws Exception {
        TextMessage m = s.createTextMessage(body);
        m.setStringProperty(GatewayHeaders.RECORD_ID, "bench-" + n);
        m.setIntProperty(GatewayHeaders.VERSION, 1);
        m.setStringProperty(GatewayHeaders.DATASET, "PENALTY");
        m.setStringProperty(GatewayHeaders.OP, "ADD");
        m.setStringProperty(GatewayHeaders.DEPARTMENT, "demo");
        m.setStringProperty("JMSXGroupID", "subject-" + (n % 64));
        m.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "bench-" + System.identityHashCode(s) + "-" + n + ":1");
        return m;
    }

    private static final class Confirmations implements CompletionListener {
        private final CountDownLatch pending;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Confirmations(int n) {
            pending = new CountDownLatch(n);
        }

        @Override
        public void onCompletion(Message message) {
            pending.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            failure.compareAndSet(null, exception);
            pending.countDown();
        }

        void await() throws Exception {
            if (!pending.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("broker did not confirm a batch within 30 s");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }
}
