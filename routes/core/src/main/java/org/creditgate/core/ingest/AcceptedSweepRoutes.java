package org.creditgate.core.ingest;

import java.util.function.BooleanSupplier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code core.accepted-sweep}: runs the {@link AcceptedSweep} every {@code periodMs} (the first time soon after
 * the start) on the schedule leader only; were two nodes to overlap for a moment, the listeners are idempotent.
 */
public final class AcceptedSweepRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.accepted-sweep";
    private static final long FIRST_DELAY_MS = 5000;

    private final AcceptedSweep sweep;
    private final long periodMs;
    private final BooleanSupplier leader;

    public AcceptedSweepRoutes(AcceptedSweep sweep, long periodMs, BooleanSupplier leader) {
        this.sweep = sweep;
        this.periodMs = periodMs;
        this.leader = leader;
    }

    @Override
    public void configure() {
        from("timer:creditgate-accepted-sweep?delay=" + Math.min(FIRST_DELAY_MS, periodMs) + "&period=" + periodMs)
                .routeId(ROUTE_ID)
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, AcceptedSweep.class.getName(), "Accepted-record catch-up failed, next "
                            + "try in " + periodMs / 1000 + " s: ${exception.class.simpleName}: ${exception.message}")
                .end()
                .filter(e -> leader.getAsBoolean())
                    .process(e -> e.getMessage().setBody(sweep.sweep())).id("core.accepted-sweep.run")
                .end();
    }
}
