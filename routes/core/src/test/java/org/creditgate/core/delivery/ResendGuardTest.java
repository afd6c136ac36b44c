package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.ledger.VersionRef;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.delivery.UpstreamHoldings.RecordStatus;
import org.creditgate.spi.delivery.UpstreamHoldings.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A copy that may already have reached the upstream is sent again only when the upstream says it lacks it. */
class ResendGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final DataSource ds = LedgerDataSources.create(new LedgerSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final Ledger ledger = Ledgers.open(ds);
    private final AtomicReference<State> upstreamSays = new AtomicReference<>(State.NOT_HELD);
    private final List<DeliveryRef> asked = new ArrayList<>();
    private final UpstreamHoldings national = new UpstreamHoldings() {
        @Override
        public List<Holding> holdings(String dataset) {
            return List.of();
        }

        @Override
        public RecordStatus status(DeliveryRef ref) {
            asked.add(ref);
            return new RecordStatus(upstreamSays.get(), null, null);
        }
    };
    private final ResendGuard guard = new ResendGuard("national", ledger, () -> Optional.of(national),
            Clock.fixed(T0, ZoneOffset.UTC));

    @AfterEach
    void close() {
        LedgerDataSources.close(ds);
    }

    @Test
    void aFirstDeliveryIsSentWithoutAskingAndMarkedSentFirst() {
        queued("r1");

        assertThat(sendable(message("r1", false))).isTrue();
        assertThat(asked).isEmpty();
        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state)
                .as("a crash during the send is recognised after the restart").isEqualTo(DeliveryState.SENT);
        upstreamSays.set(State.HELD);
        assertThat(sendable(message("r1", false))).as("the same copy again, redelivery flag lost").isFalse();
    }

    @Test
    void aRedeliveryTheUpstreamAlreadyHoldsIsSettledNotSent() {
        queued("r1");
        upstreamSays.set(State.HELD);

        assertThat(sendable(message("r1", true))).isFalse();
        assertThat(asked).containsExactly(new DeliveryRef("r1", 1));
        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.ACCEPTED);
    }

    @Test
    void aRedeliveryTheUpstreamLacksIsSentAgain() {
        queued("r1");
        upstreamSays.set(State.NOT_HELD);

        assertThat(sendable(message("r1", true))).isTrue();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aVersionTheLedgerShowsSentIsCheckedEvenWithoutTheRedeliveryFlag() {
        queued("r1");
        ledger.updateDeliveries("national", List.of(new VersionRef("r1", 1)), DeliveryState.SENT, "B1", null, null, T0);
        upstreamSays.set(State.PENDING);

        assertThat(sendable(message("r1", false))).as("its receipt is still to come").isFalse();
        assertThat(asked).hasSize(1);
    }

    @Test
    void anAcceptedVersionIsNeverSentAgainNorAsked() {
        queued("r1");
        ledger.updateDeliveries("national", List.of(new VersionRef("r1", 1)), DeliveryState.ACCEPTED, "B1", "R1", null,
                T0);

        assertThat(sendable(message("r1", true))).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void aShieldAppliedJustBeforeTheClaimKeepsTheCopyFromLeaving() {
        queued("r1");
        // the shield guard let the copy pass; the shield is applied before the lane marks it SENT
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, T0, "scjgj", T0));

        assertThat(sendable(message("r1", false))).isFalse();
        assertThat(sendable(message("r1", true))).as("nor when it comes back redelivered").isFalse();
        assertThat(asked).isEmpty();
        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.SUPPRESSED);
    }

    @Test
    void aSinkThatCannotBeAskedStillClaimsTheCopyBeforeSending() {
        queued("r1");
        ResendGuard withoutHoldings = new ResendGuard("national", ledger, Optional::empty,
                Clock.fixed(T0, ZoneOffset.UTC));
        Exchange e = message("r1", false);
        withoutHoldings.check(e);

        assertThat(e.getProperty(ResendGuard.ALREADY_THERE, Boolean.class)).isFalse();
        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state)
                .as("a shield arriving now finds it SENT and shields this upstream too").isEqualTo(DeliveryState.SENT);
    }

    private boolean sendable(Exchange e) {
        guard.check(e);
        return !e.getProperty(ResendGuard.ALREADY_THERE, Boolean.class);
    }

    private void queued(String recordId) {
        ledger.accept(List.of(new RecordVersion(recordId, 1, "ADD", "PENALTY", "scjgj", "k-" + recordId, "S:x", "h",
                "{}", "[]", T0, RecordState.VALIDATED)));
        ledger.queueDeliveries(List.of(Delivery.queued(recordId, 1, "national", T0)));
    }

    private static Exchange message(String recordId, boolean redelivered) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setHeader(GatewayHeaders.RECORD_ID, recordId);
        e.getMessage().setHeader(GatewayHeaders.VERSION, 1);
        e.getMessage().setHeader(GatewayHeaders.DATASET, "PENALTY");
        e.getMessage().setHeader("JMSRedelivered", redelivered);
        return e;
    }
}
