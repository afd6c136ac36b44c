package org.creditgate.core.objection;

import java.util.function.BooleanSupplier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code core.objection-watch}: runs the {@link ObjectionWatch} every {@code periodMs} on the schedule leader
 * only (the Hazelcast-backed leadership of push windows, reconciliation and the shield watch); the alert is noted
 * once in the ledger, so two nodes overlapping for a moment alert at most twice.
 */
public final class ObjectionRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.objection-watch";

    private final ObjectionWatch watch;
    private final long periodMs;
    private final BooleanSupplier leader;

    public ObjectionRoutes(ObjectionWatch watch, long periodMs, BooleanSupplier leader) {
        this.watch = watch;
        this.periodMs = periodMs;
        this.leader = leader;
    }

    @Override
    public void configure() {
        from("timer:creditgate-objection-watch?delay=" + periodMs + "&period=" + periodMs).routeId(ROUTE_ID)
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, ObjectionWatch.class.getName(), "Objection watch failed: "
                            + "${exception.class.simpleName}: ${exception.message}")
                .end()
                .filter(e -> leader.getAsBoolean())
                    .process(e -> e.getMessage().setBody(watch.check())).id("core.objection-watch.check")
                .end();
    }
}
