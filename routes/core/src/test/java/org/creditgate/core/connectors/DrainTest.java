package org.creditgate.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.creditgate.core.connectors.Drain.Remaining;
import org.junit.jupiter.api.Test;

/** A drain ends when the queues, the ledger and the lanes are empty twice in a row, or at its timeout. */
class DrainTest {

    private final StepClock clock = new StepClock();
    private final List<Remaining> printed = new ArrayList<>();

    @Test
    void endsDrainedOnceEverythingIsEmptyOnTwoPollsAndReportsOnlyChanges() throws Exception {
        Deque<Remaining> readings = new ArrayDeque<>(List.of(r(5, 1, 6, 1), r(5, 1, 6, 1), r(2, 0, 3, 1),
                r(0, 0, 0, 0), r(0, 0, 0, 0), r(0, 0, 0, 0)));

        Drain.Result result = drain(readings).await(Duration.ofMinutes(1), Duration.ofSeconds(1), printed::add);

        assertThat(result.drained()).isTrue();
        assertThat(result.took()).isEqualTo(Duration.ofSeconds(4));
        assertThat(printed).containsExactly(r(5, 1, 6, 1), r(2, 0, 3, 1), r(0, 0, 0, 0));
        assertThat(readings).hasSize(1);
    }

    @Test
    void aMomentaryZeroIsNotDrained() throws Exception {
        // the browser saw nothing while the lane had just taken the message and not claimed it yet
        Deque<Remaining> readings = new ArrayDeque<>(List.of(r(0, 0, 0, 0), r(0, 0, 1, 0), r(0, 0, 0, 1),
                r(0, 0, 0, 0), r(0, 0, 0, 0)));

        Drain.Result result = drain(readings).await(Duration.ofMinutes(1), Duration.ofSeconds(1), printed::add);

        assertThat(result.drained()).isTrue();
        assertThat(result.took()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void stopsAtTheTimeoutWithWhatWasLeft() throws Exception {
        Drain d = new Drain(() -> r(7, 0, 7, 1), clock, clock::advance);

        Drain.Result result = d.await(Duration.ofSeconds(10), Duration.ofSeconds(3), printed::add);

        assertThat(result.drained()).isFalse();
        assertThat(result.last()).isEqualTo(r(7, 0, 7, 1));
        assertThat(result.took()).isEqualTo(Duration.ofSeconds(12));
        assertThat(printed).containsExactly(r(7, 0, 7, 1));
        assertThat(result.last().toString()).isEqualTo("queue 7, real-time queue 0, QUEUED in the ledger 7, in flight 1");
    }

    private Drain drain(Deque<Remaining> readings) {
        return new Drain(readings::pop, clock, clock::advance);
    }

    private static Remaining r(int queue, int realtime, long ledger, int inflight) {
        return new Remaining(queue, realtime, ledger, inflight);
    }

    /** Time moves only when the drain pauses. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
