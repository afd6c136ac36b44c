package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.creditgate.core.ingest.TestBroker;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An upstream's dead letters listed with their reasons, replayed by class, dry or for real. */
class DeadLettersTest {

    private TestBroker broker;
    private DeadLetters dlq;

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start();
        dlq = new DeadLetters(broker.connectionFactory());
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    private String deadLetter(String errorClass, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = broker.connectionFactory().createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(DeadLetters.queue("province")));
            TextMessage m = s.createTextMessage("{\"dataset\":\"PENALTY\"}");
            m.setStringProperty(GatewayHeaders.RECORD_ID, id);
            m.setIntProperty(GatewayHeaders.VERSION, 1);
            m.setStringProperty(GatewayHeaders.DATASET, "PENALTY");
            if (errorClass != null) {
                m.setStringProperty(DeadLetters.ERROR_CLASS, errorClass);
                m.setStringProperty(DeadLetters.ERROR_REASON, reason);
            }
            p.send(m);
        }
        return id;
    }

    @Test
    void lettersAreListedWithTheirClassAndReplayedByClass() throws Exception {
        String poison = deadLetter("POISON", "body is not canonical JSON");
        String refused = deadLetter("VALIDATION", "province: E_FIELD CF_GSJZQ required");
        String exhausted = deadLetter(null, null);

        assertThat(dlq.list("province", new DeadLetters.Filter(null, null, null)))
                .extracting(DeadLetters.Letter::recordId, DeadLetters.Letter::errorClass)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(poison, "POISON"),
                        org.assertj.core.groups.Tuple.tuple(refused, "VALIDATION"),
                        org.assertj.core.groups.Tuple.tuple(exhausted, DeadLetters.TRANSIENT));

        DeadLetters.Filter validation = new DeadLetters.Filter("VALIDATION", null, null);
        DeadLetters.Replay dry = dlq.replay("province", validation, true, 100, "karaf", "rule lifted");
        assertThat(dry.matched()).isEqualTo(1);
        assertThat(broker.browse("creditgate.upstream.province")).isEmpty();

        DeadLetters.Replay done = dlq.replay("province", validation, false, 100, "karaf", "rule lifted");

        assertThat(done.replayed()).isEqualTo(1);
        assertThat(broker.browse("creditgate.upstream.province")).singleElement()
                .satisfies(m -> {
                    assertThat(m.getStringProperty(GatewayHeaders.RECORD_ID)).isEqualTo(refused);
                    // a new duplicate id (the broker remembers the first) and no old verdict
                    assertThat(m.getStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID)).startsWith(refused + ":1:replay:");
                    assertThat(m.propertyExists(DeadLetters.ERROR_CLASS)).isFalse();
                });
        assertThat(dlq.list("province", new DeadLetters.Filter(null, null, null)))
                .extracting(DeadLetters.Letter::recordId).containsExactly(poison, exhausted);
    }
}
