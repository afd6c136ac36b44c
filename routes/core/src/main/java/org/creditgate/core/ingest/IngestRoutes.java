package org.creditgate.core.ingest;

import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The core's routes. {@link #INGEST} is the single entry point through which every channel (the REST API today,
 * department connectors later) hands records to the gateway; the recovery route re-sends what a crash left
 * unconfirmed. The logic lives in {@link IngestPipeline}; routes only wire it, so it is measured and managed
 * like every other route.
 */
public final class IngestRoutes extends RouteBuilder {

    public static final String INGEST = "direct:creditgate-ingest";
    public static final String INGEST_ROUTE_ID = "core.ingest";
    public static final String RECOVERY_ROUTE_ID = "core.recovery";
    private static final int RECOVERY_BATCH = 500;

    private final IngestPipeline pipeline;
    private final Duration recoveryPeriod;
    private final Duration recoveryGrace;

    public IngestRoutes(IngestPipeline pipeline, Duration recoveryPeriod, Duration recoveryGrace) {
        this.pipeline = pipeline;
        this.recoveryPeriod = recoveryPeriod;
        this.recoveryGrace = recoveryGrace;
    }

    @Override
    public void configure() {
        from(INGEST).routeId(INGEST_ROUTE_ID)
                .process(e -> e.getMessage().setBody(pipeline.ingest(e.getMessage().getBody(IngestRequest.class))))
                .id("core.ingest.pipeline");

        from("timer:creditgate-recovery?delay=" + recoveryPeriod.toMillis() + "&period=" + recoveryPeriod.toMillis())
                .routeId(RECOVERY_ROUTE_ID)
                // a sweep that fails (broker still down) is retried at the next tick; no stack trace every period
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "Recovery sweep failed, next try in " + recoveryPeriod.toSeconds()
                            + " s: ${exception.message}")
                .end()
                .process(e -> e.getMessage().setBody(pipeline.recoverUnqueued(recoveryGrace, RECOVERY_BATCH)))
                .id("core.recovery.sweep");
    }
}
