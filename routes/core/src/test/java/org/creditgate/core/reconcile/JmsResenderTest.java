package org.creditgate.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.creditgate.core.ingest.TestBroker;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resends go through the broker's duplicate detection: past the fan-out's copy, once per try. */
class JmsResenderTest {

    private static final RecordVersion V = new RecordVersion("0b1c-77", 2, "UPDATE", "PENALTY", "scjgj", "k", "S:91350100",
            "h", "{\"dataset\":\"PENALTY\"}", "[]", Instant.parse("2026-11-30T01:00:00Z"), RecordState.QUEUED);

    private TestBroker broker;
    private JmsResender resender;

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start();
        resender = new JmsResender(broker.connectionFactory());
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    @Test
    void aResendPassesTheFanOutsDuplicateIdOncePerTry() throws Exception {
        try (Connection c = broker.connectionFactory().createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage fanOut = s.createTextMessage("{}");
            fanOut.setStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "0b1c-77:2:province");
            s.createProducer(s.createQueue(GatewayAddresses.upstream("province"))).send(fanOut);
        }
        resender.resend("province", V, 1);
        resender.resend("province", V, 1); // the same try again (a crash before the ledger counted it)
        resender.resend("province", V, 2);
        resender.deadLetter("province", V, "MISSING: still not held after 3 automatic resends");

        var queued = broker.browse(GatewayAddresses.upstream("province"));
        assertThat(queued).hasSize(3);
        Message resent = queued.get(1);
        assertThat(resent.getStringProperty(GatewayHeaders.RECORD_ID)).isEqualTo("0b1c-77");
        assertThat(resent.getIntProperty(GatewayHeaders.VERSION)).isEqualTo(2);
        assertThat(resent.getStringProperty(GatewayHeaders.DATASET)).isEqualTo("PENALTY");
        assertThat(resent.getStringProperty(GatewayHeaders.OP)).isEqualTo("UPDATE");
        assertThat(resent.getStringProperty(GatewayHeaders.DEPARTMENT)).isEqualTo("scjgj");
        assertThat(resent.getStringProperty(GatewayHeaders.GROUP)).isEqualTo("S:91350100");
        assertThat(resent.getBody(String.class)).isEqualTo(V.payload());
        var letters = broker.browse(GatewayAddresses.deadLetters("province"));
        assertThat(letters).singleElement().satisfies(m -> {
            assertThat(m.getStringProperty(GatewayHeaders.ERROR_CLASS)).isEqualTo(Resender.ERROR_CLASS);
            assertThat(m.getStringProperty(GatewayHeaders.ERROR_REASON)).contains("MISSING");
        });
    }
}
