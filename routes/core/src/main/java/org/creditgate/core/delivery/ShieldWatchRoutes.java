package org.creditgate.core.delivery;

import java.util.function.BooleanSupplier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code core.shield-watch}: runs the {@link ShieldWatch} every {@code periodMs} on the schedule leader only
 * (the same Hazelcast-backed leadership as push windows and reconciliation); were two nodes to overlap for a moment,
 * a resend carries a per-try duplicate id and the platform's answer to a shield is idempotent.
 */
public final class ShieldWatchRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.shield-watch";

    private final ShieldWatch watch;
    private final long periodMs;
    private final BooleanSupplier leader;

    public ShieldWatchRoutes(ShieldWatch watch, long periodMs, BooleanSupplier leader) {
        this.watch = watch;
        this.periodMs = periodMs;
        this.leader = leader;
    }

    @Override
    public void configure() {
        from("timer:creditgate-shield-watch?delay=" + periodMs + "&period=" + periodMs).routeId(ROUTE_ID)
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, ShieldWatch.class.getName(), "Shield SLA watch failed: "
                            + "${exception.class.simpleName}: ${exception.message}")
                .end()
                .filter(e -> leader.getAsBoolean())
                    .process(e -> watch.check()).id("core.shield-watch.check")
                .end();
    }
}
