package org.creditgate.connector.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.delivery.UpstreamHoldings.Holding;
import org.creditgate.spi.delivery.UpstreamHoldings.State;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The envelope sink's reconciliation queries against the province simulator's REST API. */
class EnvelopeHoldingsTest {

    @AutoClose
    private final ProvinceSimulator province = new ProvinceSimulator().start(0);

    private UpstreamHoldings holdings(String url) throws Exception {
        Map<String, Object> props = EnvelopeConfigCheck.shipped(EnvelopeConnectorTest.CFG);
        props.put("url", url);
        return new EnvelopeConnector(props).upstreamHoldings().orElseThrow();
    }

    @Test
    void holdingsAndStatusComeFromTheUpstream() throws Exception {
        province.store().addPhantom("r-1", 2, "PENALTY", Instant.parse("2026-11-30T01:00:00Z"));
        province.store().addPhantom("r-2", 1, "LICENSE", Instant.parse("2026-11-30T01:00:00Z"));
        UpstreamHoldings h = holdings(province.url());

        assertThat(h.holdings(null)).containsExactly(new Holding("r-1", "PENALTY", 2, false),
                new Holding("r-2", "LICENSE", 1, false));
        assertThat(h.holdings("LICENSE")).extracting(Holding::recordId).containsExactly("r-2");
        assertThat(h.status(new DeliveryRef("r-1", 2))).isEqualTo(new UpstreamHoldings.RecordStatus(State.HELD, 2, null));
        assertThat(h.status(new DeliveryRef("r-1", 3)).state()).isEqualTo(State.NOT_HELD);
        assertThat(h.status(new DeliveryRef("nobody", 1))).isEqualTo(
                new UpstreamHoldings.RecordStatus(State.NOT_HELD, null, null));
    }

    @Test
    void anUnreachableUpstreamThrows() throws Exception {
        UpstreamHoldings h = holdings("http://127.0.0.1:9/none/v1");

        assertThatThrownBy(() -> h.holdings(null)).hasMessageContaining("did not answer");
    }

    @Test
    void noCapabilityWithoutValidSettings() {
        assertThat(new EnvelopeConnector(Map.of("department", "province")).upstreamHoldings()).isEmpty();
    }
}
