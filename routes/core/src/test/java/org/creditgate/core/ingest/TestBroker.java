package org.creditgate.core.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.qpid.jms.JmsConnectionFactory;

/** A real, persistent Artemis broker on a free loopback port, restartable over the same journal. */
public final class TestBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedActiveMQ broker;

    public TestBroker(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    public TestBroker start() throws Exception {
        Configuration c = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .setJournalBufferTimeout_NIO(150_000)
                // a test must not block because the build machine's disk is nearly full
                .setMaxDiskUsage(-1)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        broker = new EmbeddedActiveMQ().setConfiguration(c);
        broker.start();
        return this;
    }

    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    public JmsConnectionFactory connectionFactory() {
        return new JmsConnectionFactory("amqp://127.0.0.1:" + port);
    }

    /** Messages on a queue, browsed (not consumed). */
    public List<Message> browse(String queue) throws JMSException {
        try (Connection c = connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser b = s.createBrowser(s.createQueue(queue));
            @SuppressWarnings("unchecked")
            Enumeration<Message> e = b.getEnumeration();
            return new ArrayList<>(Collections.list(e));
        }
    }

    /** Stops the broker and deletes its journal (each test's broker is ~23 MB; thousands of runs filled disks). */
    @Override
    public void close() throws Exception {
        stop();
        try (var files = java.nio.file.Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
