package org.creditgate.core.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Waits until an upstream's lanes have taken everything queued for it (排空), or a timeout: what the operator runs
 * before maintenance of the platform or of the gateway. Nothing is stopped: new records keep arriving and are
 * delivered too, so a drain under steady load ends at its timeout with what was left.
 *
 * <p>Emptiness is read from three places because each alone lies at some moment: the broker's queues (a browser does
 * not see a lane's prefetched messages), the ledger's QUEUED deliveries (the lane claims a delivery only when it
 * takes the message) and the exchanges in flight on the lanes (claimed, not yet acknowledged by the sink). Drained
 * means all three are zero on two polls in a row, so a message between two of them is not missed.
 */
public final class Drain {

    /** What is still to go out, and where it sits. */
    public record Remaining(int scheduledQueue, int realtimeQueue, long ledgerQueued, int inflight) {

        public boolean none() {
            return scheduledQueue == 0 && realtimeQueue == 0 && ledgerQueued == 0 && inflight == 0;
        }

        @Override
        public String toString() {
            return "queue " + scheduledQueue + ", real-time queue " + realtimeQueue + ", QUEUED in the ledger "
                    + ledgerQueued + ", in flight " + inflight;
        }
    }

    /** How a drain ended. */
    public record Result(boolean drained, Remaining last, Duration took) {
    }

    /** Reads what remains now. */
    @FunctionalInterface
    public interface Probe {
        Remaining remaining() throws Exception;
    }

    /** Waits between polls (a real sleep in the gateway; the test's clock just advances). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final Probe probe;
    private final Clock clock;
    private final Pause pause;

    public Drain(Probe probe, Clock clock, Pause pause) {
        this.probe = probe;
        this.clock = clock;
        this.pause = pause;
    }

    /** The gateway's drain: real time, polling by sleeping. */
    public static Drain of(Probe probe) {
        return new Drain(probe, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Polls every {@code every} until drained or {@code timeout}; {@code progress} hears the first reading and every
     * change (not every poll, so a long drain prints what moves).
     */
    public Result await(Duration timeout, Duration every, Consumer<Remaining> progress) throws Exception {
        Instant start = clock.instant();
        Instant end = start.plus(timeout);
        Remaining previous = null;
        boolean emptyBefore = false;
        while (true) {
            Remaining now = probe.remaining();
            if (!now.equals(previous)) {
                progress.accept(now);
            }
            Duration took = Duration.between(start, clock.instant());
            if (now.none() && emptyBefore) {
                return new Result(true, now, took);
            }
            if (!clock.instant().isBefore(end)) {
                return new Result(false, now, took);
            }
            emptyBefore = now.none();
            previous = now;
            pause.pause(every);
        }
    }
}
