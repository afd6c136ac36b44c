package org.creditgate.core.shield;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.core.reconcile.ReconcileSchedule;

/**
 * Route {@code core.expiry}: a minute timer that runs the {@link ExpiryJob} once a day at {@code expiry.at}, on the
 * schedule leader only (the {@code creditgate.schedules} leadership). The day of the last run is kept in memory: a
 * restart after the time of day runs it again that day, which is harmless because the job is idempotent.
 */
public final class ExpiryRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.expiry";
    public static final String SCHEDULED = "scheduled";
    private static final long MINUTE = 60_000;

    private final ExpiryJob job;
    private final ReconcileSchedule schedule;
    private final Clock clock;
    private final ZoneId zone;
    private final BooleanSupplier leader;
    private final long periodMs;
    private volatile LocalDate lastRun;

    /** {@code leader}: whether this node leads the gateway's schedules now. */
    public ExpiryRoutes(ExpiryJob job, ReconcileSchedule schedule, Clock clock, ZoneId zone, BooleanSupplier leader) {
        this(job, schedule, clock, zone, leader, MINUTE);
    }

    ExpiryRoutes(ExpiryJob job, ReconcileSchedule schedule, Clock clock, ZoneId zone, BooleanSupplier leader,
            long periodMs) {
        this.job = job;
        this.schedule = schedule;
        this.clock = clock;
        this.zone = zone;
        this.leader = leader;
        this.periodMs = periodMs;
    }

    @Override
    public void configure() {
        from("timer:creditgate-expiry?delay=" + periodMs + "&period=" + periodMs).routeId(ROUTE_ID)
                .autoStartup(schedule.enabled())
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, ExpiryJob.class.getName(), "Scheduled expiry run failed: "
                            + "${exception.class.simpleName}: ${exception.message}")
                .end()
                .process(e -> e.getMessage().setBody(tick())).id("core.expiry.tick");
    }

    /** Runs the day's expiry if due and this node leads; true when it ran. */
    boolean tick() {
        if (!leader.getAsBoolean()) {
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (!schedule.due(now, lastRun)) {
            return false;
        }
        lastRun = now.toLocalDate();
        job.run(SCHEDULED);
        return true;
    }
}
