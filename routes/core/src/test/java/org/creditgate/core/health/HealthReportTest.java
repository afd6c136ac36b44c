package org.creditgate.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final ComponentHealth LEDGER = ComponentHealth.up("ledger", "database answers");

    @Test
    void aDownConnectorDegradesButDoesNotTakeTheGatewayDown() {
        HealthReport r = HealthReport.of(List.of(LEDGER, ComponentHealth.up("connector:rest-scjgj", "1 route(s) running"),
                ComponentHealth.down("connector:table-sthjj", "org.creditgate.connector.table~sthjj: jdbc.url: is required")));

        assertThat(r.status()).isEqualTo(ComponentHealth.State.DEGRADED);
        assertThat(r.isReady()).isTrue();
    }

    @Test
    void aDownPartOfTheGatewayIsDown() {
        HealthReport r = HealthReport.of(List.of(LEDGER, ComponentHealth.down("broker", "cannot reach the broker")));

        assertThat(r.status()).isEqualTo(ComponentHealth.State.DOWN);
        assertThat(r.isReady()).isFalse();
        assertThat(HealthReport.of(List.of()).isReady()).as("nothing reported yet").isFalse();
        assertThat(HealthReport.of(List.of(LEDGER)).status()).isEqualTo(ComponentHealth.State.UP);
    }
}
