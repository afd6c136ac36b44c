package org.creditgate.core.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code core.reconcile}: a minute timer that runs the daily reconciliation of every upstream when
 * {@link ReconcileSchedule} says it is due. The day of the last scheduled run comes from the kept reports at start,
 * so a restart neither repeats nor (after the time of day) skips the day's run. In a cluster only the schedule
 * leader runs it (the same Hazelcast-backed leadership as the push windows); were two to overlap for a moment,
 * reconciliation is idempotent (resends carry per-try duplicate ids).
 */
public final class ReconcileRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.reconcile";
    private static final long MINUTE = 60_000;

    private final Reconciler reconciler;
    private final ReconcileSchedule schedule;
    private final Clock clock;
    private final ZoneId zone;
    private final BooleanSupplier leader;
    private volatile LocalDate lastRun;

    /** {@code leader}: whether this node leads the gateway's schedules now. */
    public ReconcileRoutes(Reconciler reconciler, ReconcileSchedule schedule, Clock clock, ZoneId zone,
            BooleanSupplier leader) {
        this.reconciler = reconciler;
        this.leader = leader;
        this.schedule = schedule;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void configure() {
        from("timer:creditgate-reconcile?delay=" + MINUTE + "&period=" + MINUTE).routeId(ROUTE_ID)
                .autoStartup(schedule.enabled())
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, Reconciler.class.getName(), "Scheduled reconciliation failed: "
                            + "${exception.class.simpleName}: ${exception.message}")
                .end()
                .process(e -> tick()).id("core.reconcile.tick");
    }

    /** Runs the daily reconciliation if due; true when it ran. */
    boolean tick() {
        if (!leader.getAsBoolean()) {
            // the leader's run is the cluster's run; a node that becomes leader reads the kept reports afresh
            lastRun = null;
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (lastRun == null) {
            lastRun = reconciler.latest().stream().filter(r -> Reconciler.SCHEDULED.equals(r.trigger()))
                    .map(r -> r.runAt().atZone(zone).toLocalDate()).max(LocalDate::compareTo).orElse(LocalDate.MIN);
        }
        if (!schedule.due(now, lastRun)) {
            return false;
        }
        lastRun = now.toLocalDate();
        reconciler.runAll(Reconciler.SCHEDULED);
        return true;
    }
}
