package org.creditgate.core.health;

import org.creditgate.core.alert.Alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Restarts with exponential backoff on a clock the test moves. */
class ConnectorSupervisorTest {

    private Instant now = Instant.parse("2026-11-30T02:00:00Z");
    private final List<String> restarts = new ArrayList<>();
    private final List<Alert> raised = new ArrayList<>();
    private final ConnectorSupervisor supervisor = new ConnectorSupervisor(restarts::add, Duration.ofSeconds(10),
            Duration.ofSeconds(40), new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }).alertsTo(raised::add);

    private void after(long seconds) {
        now = now.plusSeconds(seconds);
    }

    @Test
    void restartsAtOnceThenBacksOffDoublingUpToTheMaximum() {
        supervisor.observe("court-zjfy", true, "stalled");
        assertThat(restarts).containsExactly("court-zjfy");
        after(9);
        supervisor.observe("court-zjfy", true, "stalled");
        assertThat(restarts).hasSize(1);
        after(1);
        supervisor.observe("court-zjfy", true, "stalled");
        assertThat(restarts).hasSize(2);
        after(19);
        supervisor.observe("court-zjfy", true, "stalled");
        assertThat(restarts).hasSize(2);
        after(1);
        supervisor.observe("court-zjfy", true, "stalled");
        assertThat(restarts).hasSize(3);
        assertThat(supervisor.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(supervisor.backoff(9)).isEqualTo(Duration.ofSeconds(40));
        assertThat(supervisor.attempts("court-zjfy")).get().extracting(ConnectorSupervisor.Attempts::restarts)
                .isEqualTo(3);
        assertThat(raised).as("a STALL alert per restart").hasSize(3).allSatisfy(a -> {
            assertThat(a.alertClass()).isEqualTo(Alert.AlertClass.STALL);
            assertThat(a.component()).isEqualTo("connector:court-zjfy");
        });
        assertThat(raised).extracting(Alert::alertId).doesNotHaveDuplicates();
        assertThat(raised.get(0).message()).isEqualTo("Connector court-zjfy stalled (stalled); restart 1 now, next "
                + "not before 2026-11-30T02:00:10Z");
    }

    @Test
    void aHealthyConnectorStartsOverAndOthersAreNeverTouched() {
        supervisor.observe("court-zjfy", true, "stalled");
        supervisor.observe("court-xmfy", false, "up");
        after(1);
        supervisor.observe("court-zjfy", false, "up");
        assertThat(supervisor.attempts("court-zjfy")).isEmpty();
        supervisor.observe("court-zjfy", true, "stalled again");
        assertThat(restarts).containsExactly("court-zjfy", "court-zjfy");
        assertThat(supervisor.totalRestarts("court-zjfy")).isEqualTo(2);
        assertThat(supervisor.totalRestarts("court-xmfy")).isZero();
    }
}
