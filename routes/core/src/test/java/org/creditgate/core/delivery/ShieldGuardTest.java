package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.creditgate.spi.delivery.ShieldItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShieldGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private final DataSource ds = LedgerDataSources.create(new LedgerSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final Ledger ledger = Ledgers.open(ds);
    private final ShieldGuard guard = new ShieldGuard("province", ledger, CLOCK);
    private final ResendGuard claims = new ResendGuard("province", ledger, Optional::empty, CLOCK);

    @AfterEach
    void close() {
        LedgerDataSources.close(ds);
    }

    @Test
    void aShieldWaitsUntilACopyOfItsRecordStillBeingSentHasLeft() {
        ledger.accept(List.of(version("r1", 1, "PENALTY", "k1"), version("s1", 1, "SHIELD", "S-1")));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0)));
        claims.check(data("r1")); // the scheduled lane claims v1 and is calling the upstream
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, T0, "scjgj", T0));
        ledger.queueShieldDispatches("S-1", java.util.Map.of("province", 1), T0);

        assertThatThrownBy(() -> guard.check(shield("s1", "r1"))).isInstanceOf(ShieldGuard.CopyInFlightException.class)
                .hasMessageContaining("r1");

        ledger.updateDeliveries("province", List.of(new VersionRef("r1", 1)), DeliveryState.SENT, "MSG-1", null,
                null, T0); // the send returned
        Exchange shield = shield("s1", "r1");
        guard.check(shield);
        assertThat(shield.getProperty(ShieldGuard.SUPPRESSED, Boolean.class)).isFalse();
    }

    @Test
    void aVersionOfAShieldedRecordIsSuppressedNotSent() {
        ledger.accept(List.of(version("r1", 1, "PENALTY", "k1")));
        ledger.queueDeliveries(List.of(Delivery.queued("r1", 1, "province", T0)));
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, T0, "scjgj", T0));

        Exchange copy = data("r1");
        guard.check(copy);
        assertThat(copy.getProperty(ShieldGuard.SUPPRESSED, Boolean.class)).isTrue();
        assertThat(ledger.deliveries("r1")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.SUPPRESSED);
    }

    private static RecordVersion version(String recordId, int v, String dataset, String key) {
        return new RecordVersion(recordId, v, "ADD", dataset, "scjgj", key, "S:x", "h-" + recordId, "{}", "[]", T0,
                RecordState.VALIDATED);
    }

    private static Exchange data(String recordId) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setHeader(GatewayHeaders.RECORD_ID, recordId);
        e.getMessage().setHeader(GatewayHeaders.VERSION, 1);
        e.getMessage().setHeader(GatewayHeaders.DATASET, "PENALTY");
        return e;
    }

    private static Exchange shield(String shieldRecordId, String target) {
        Exchange e = data(shieldRecordId);
        e.getMessage().setHeader(GatewayHeaders.DATASET, "SHIELD");
        e.getMessage().setHeader(GatewayHeaders.SHIELD_TARGET, ShieldItem.format(new DeliveryRef(target, 1)));
        return e;
    }
}
