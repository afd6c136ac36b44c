package org.creditgate.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.creditgate.core.connectors.ConnectorState;
import org.creditgate.core.health.ComponentHealth.State;
import org.junit.jupiter.api.Test;

/** Progress health rules at a fixed instant: what moved decides, never whether a thread lives. */
class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private final HealthRules rules = new HealthRules(new HealthThresholds(Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(30),
            Duration.ofMinutes(10)));

    private static ConnectorSignals running(Instant inFlight, Instant progress, Instant failure, String error) {
        return new ConnectorSignals("court-zjfy", ConnectorState.RUNNING, null, NOW.minusSeconds(600), inFlight,
                progress, failure, error, NOW.minusSeconds(1), null);
    }

    private static Instant ago(long seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    void aPollInFlightPastTheStallLimitWithoutProgressIsDownAndAsksForARestart() {
        HealthRules.Verdict v = rules.connector(running(ago(31), ago(40), null, null), NOW);
        assertThat(v.health().state()).isEqualTo(State.DOWN);
        assertThat(v.health().component()).isEqualTo("connector:court-zjfy");
        assertThat(v.health().detail()).contains("stalled", "31 s", "last progress 40 s ago");
        assertThat(v.stalled()).isTrue();
    }

    @Test
    void aLongPollThatKeepsIngestingPagesIsNotAStall() {
        HealthRules.Verdict v = rules.connector(running(ago(300), ago(2), null, null), NOW);
        assertThat(v.health().state()).isEqualTo(State.UP);
        assertThat(v.stalled()).isFalse();
    }

    @Test
    void aRunInFlightForLessThanTheLimitIsUp() {
        assertThat(rules.connector(running(ago(29), ago(120), null, null), NOW).health().state())
                .isEqualTo(State.UP);
    }

    @Test
    void aQuietSourceWhosePollsAnswerIsUp() {
        ComponentHealth h = rules.connector(running(null, ago(1), null, null), NOW).health();
        assertThat(h.state()).isEqualTo(State.UP);
        assertThat(h.detail()).isEqualTo("last progress 1 s ago");
    }

    @Test
    void failingRunsAreDegradedFirstThenDownWithTheError() {
        ComponentHealth fresh = rules.connector(running(null, ago(20), ago(1), "court not reachable"), NOW).health();
        assertThat(fresh.state()).isEqualTo(State.DEGRADED);
        assertThat(fresh.detail()).isEqualTo("last run failed: court not reachable");
        ComponentHealth old = rules.connector(running(null, ago(61), ago(1), "court not reachable"), NOW).health();
        assertThat(old.state()).isEqualTo(State.DOWN);
        assertThat(old.detail()).isEqualTo("every run failed for 61 s: court not reachable");
        assertThat(rules.connector(running(null, ago(1), ago(2), "old"), NOW).health().state()).isEqualTo(State.UP);
    }

    @Test
    void pausedIsUpAndFailedIsDownWithItsProblem() {
        assertThat(rules.connector(new ConnectorSignals("x", ConnectorState.PAUSED, null, NOW, ago(999), null, null,
                null, null, null), NOW).health()).isEqualTo(ComponentHealth.up("connector:x", "paused by an operator"));
        assertThat(rules.connector(new ConnectorSignals("x", ConnectorState.FAILED, "endpoint: missing", NOW, null,
                null, null, null, null, null), NOW).health()).isEqualTo(ComponentHealth.down("connector:x",
                "endpoint: missing"));
    }

    @Test
    void aPollingSourceWhoseScheduleStoppedStartingRunsIsAStall() {
        ConnectorSignals quiet = new ConnectorSignals("table-sthjj", ConnectorState.RUNNING, null, ago(3600), null,
                ago(49), null, null, ago(49), Duration.ofSeconds(10));
        assertThat(rules.connector(quiet, NOW).health().state()).as("30 s + 2 periods not yet passed")
                .isEqualTo(State.UP);
        ConnectorSignals dead = new ConnectorSignals("table-sthjj", ConnectorState.RUNNING, null, ago(3600), null,
                ago(51), null, null, ago(51), Duration.ofSeconds(10));
        HealthRules.Verdict v = rules.connector(dead, NOW);
        assertThat(v.health()).isEqualTo(ComponentHealth.down("connector:table-sthjj",
                "stalled: no run for 51 s although it polls every 10 s"));
        assertThat(v.stalled()).isTrue();
        ConnectorSignals restarted = new ConnectorSignals("table-sthjj", ConnectorState.RUNNING, null, ago(5), null,
                ago(900), null, null, ago(900), Duration.ofSeconds(10));
        assertThat(rules.connector(restarted, NOW).health().state()).as("counted from its (re)start")
                .isEqualTo(State.UP);
    }

    private static UpstreamSignals upstream(String heldBy, long queued, Instant oldest, long realtime,
            Instant oldestRealtime, long dlq, long growth, long awaiting, Instant awaitingSince) {
        return new UpstreamSignals("province", heldBy, queued, oldest, realtime, oldestRealtime, dlq, growth, awaiting,
                awaitingSince);
    }

    @Test
    void oldMessagesOnARunningLaneDegradeThenTakeTheUpstreamDown() {
        assertThat(rules.upstream(upstream(null, 5, ago(60), 0, null, 0, 0, 0, null), NOW).state())
                .isEqualTo(State.UP);
        ComponentHealth slow = rules.upstream(upstream(null, 5, ago(601), 0, null, 0, 0, 0, null), NOW);
        assertThat(slow.state()).isEqualTo(State.DEGRADED);
        assertThat(slow.detail()).isEqualTo("oldest of 5 messages on its queue has waited 10 m");
        ComponentHealth stuck = rules.upstream(upstream(null, 5, ago(3600), 0, null, 0, 0, 0, null), NOW);
        assertThat(stuck.state()).isEqualTo(State.DOWN);
        assertThat(stuck.component()).isEqualTo("upstream:province");
    }

    @Test
    void aClosedPushWindowIsNotAStallButItsRealtimeLaneStillCounts() {
        ComponentHealth closed = rules.upstream(upstream(HealthRules.WINDOW_CLOSED, 500, ago(86_400), 0, null, 0, 0, 0,
                null), NOW);
        assertThat(closed).isEqualTo(ComponentHealth.up("upstream:province",
                "push window closed, 500 waiting for it, 0 dead letters"));
        assertThat(rules.upstream(upstream(HealthRules.WINDOW_CLOSED, 500, ago(86_400), 1, ago(7200), 0, 0, 0, null),
                NOW).state()).isEqualTo(State.DOWN);
        assertThat(rules.upstream(upstream(HealthRules.PAUSED, 500, ago(86_400), 1, ago(7200), 0, 0, 0, null), NOW)
                .state()).isEqualTo(State.UP);
    }

    @Test
    void missingReceiptsAndDlqGrowthDegradeWithBothReasons() {
        ComponentHealth h = rules.upstream(upstream(null, 0, null, 0, null, 12, 3, 7, ago(1900)), NOW);
        assertThat(h.state()).isEqualTo(State.DEGRADED);
        assertThat(h.detail()).isEqualTo("7 deliveries await a receipt; none arrived for 31 m; "
                + "3 new dead letters within 10 m (12 on the DLQ)");
        assertThat(rules.upstream(upstream(null, 0, null, 0, null, 12, 0, 7, ago(60)), NOW).state())
                .isEqualTo(State.UP);
    }

    @Test
    void connectorsAndUpstreamsNotUpLeaveTheGatewayReadyButDegraded() {
        HealthReport r = HealthReport.of(java.util.List.of(ComponentHealth.up("ledger", "ok"),
                new ComponentHealth("upstream:province", State.DEGRADED, "x"),
                ComponentHealth.down("connector:court-zjfy", "stalled")));
        assertThat(r.status()).isEqualTo(State.DEGRADED);
        assertThat(r.isReady()).isTrue();
    }
}
