package org.creditgate.connector.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.delivery.UpstreamHoldings.Holding;
import org.creditgate.spi.delivery.UpstreamHoldings.RecordStatus;
import org.creditgate.spi.delivery.UpstreamHoldings.State;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The SOAP sink's reconciliation queries against the national simulator's queryHoldings and queryStatus. */
class NationalHoldingsTest {

    @AutoClose
    private final NationalSimulator national = new NationalSimulator().start(0, 0);

    private UpstreamHoldings holdings(String endpoint) {
        return new SoapConnector(Map.of("department", "national", SoapSettings.ENDPOINT, endpoint,
                SoapSettings.RECEIVE_TIMEOUT, "5s")).upstreamHoldings().orElseThrow();
    }

    @Test
    void holdingsAndStatusOverSoap() {
        national.store().addPhantom("r-1", 2, "PENALTY", Instant.parse("2026-11-30T01:00:00Z"));
        national.store().addPhantom("r-2", 1, "LICENSE", Instant.parse("2026-11-30T01:00:00Z"));
        UpstreamHoldings h = holdings(national.url());

        assertThat(h.holdings(null)).containsExactly(new Holding("r-1", "PENALTY", 2, false),
                new Holding("r-2", "LICENSE", 1, false));
        assertThat(h.holdings("PENALTY")).extracting(Holding::recordId).containsExactly("r-1");
        assertThat(h.status(new DeliveryRef("r-1", 2))).isEqualTo(new RecordStatus(State.HELD, 2, null));
        assertThat(h.status(new DeliveryRef("r-1", 1))).isEqualTo(new RecordStatus(State.NOT_HELD, 2, null));
        assertThat(h.status(new DeliveryRef("nobody", 1))).isEqualTo(new RecordStatus(State.NOT_HELD, null, null));
    }

    @Test
    void anUnreachablePlatformThrows() {
        UpstreamHoldings h = holdings("http://127.0.0.1:9/national/ws/exchange");

        assertThatThrownBy(() -> h.holdings(null)).isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining("queryHoldings");
    }
}
