package org.creditgate.core.schedule;

import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code core.push-windows}: ticks {@link PushWindows} on a timer. Every node ticks; only the leader of
 * {@value #NAMESPACE} opens windows, the others keep their scheduled lanes stopped.
 */
public final class PushWindowRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.push-windows";
    /** The cluster namespace whose leader runs the gateway's schedules. */
    public static final String NAMESPACE = "creditgate.schedules";

    private final PushWindows windows;
    private final Duration tick;

    public PushWindowRoutes(PushWindows windows, Duration tick) {
        this.windows = windows;
        this.tick = tick;
    }

    @Override
    public void configure() {
        from("timer:creditgate-push-windows?delay=1000&period=" + tick.toMillis()).routeId(ROUTE_ID)
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, PushWindows.class.getName(),
                            "Push windows not checked: ${exception.class.simpleName}: ${exception.message}")
                .end()
                .process(e -> windows.tick()).id("core.push-windows.tick");
    }
}
