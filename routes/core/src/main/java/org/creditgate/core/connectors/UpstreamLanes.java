package org.creditgate.core.connectors;

import org.apache.camel.builder.RouteBuilder;
import org.creditgate.core.delivery.ResendGuard;
import org.creditgate.core.delivery.ShieldGuard;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayAddresses;

/**
 * The two lanes feeding a sink connector, added by the core next to the sink's own routes (and removed, paused and
 * resumed with them): {@code <id>.lane-scheduled} consumes the upstream's queue and runs only while its push window
 * is open (see {@code PushWindows}); {@code <id>.lane-realtime} consumes the real-time queue always. Both call the
 * sink's input synchronously, so the sink works inside the lane's JMS transaction: its exception rolls the message
 * back for the broker to redeliver, its dead-letter send commits with the consumption. Before the sink, the
 * {@link ShieldGuard} drops a version whose record was shielded meanwhile (SUPPRESSED, never sent).
 */
final class UpstreamLanes extends RouteBuilder {

    static final String SCHEDULED = "lane-scheduled";
    static final String REALTIME = "lane-realtime";

    private final ConnectorDescriptor descriptor;
    private final boolean scheduledStarts;
    private final int consumers;
    private final ShieldGuard guard;
    private final ResendGuard resends;

    /**
     * {@code scheduledStarts}: whether the scheduled lane may start now (its window open, or none); {@code consumers}:
     * concurrent consumers per lane — the sink is called by that many threads, each subject by one at a time;
     * {@code guard}: the check against the ledger before each send (a shielded record's versions are suppressed).
     */
    UpstreamLanes(ConnectorDescriptor descriptor, boolean scheduledStarts, int consumers, ShieldGuard guard,
            ResendGuard resends) {
        this.descriptor = descriptor;
        this.scheduledStarts = scheduledStarts;
        this.consumers = consumers;
        this.guard = guard;
        this.resends = resends;
    }

    /** Where a sink's route consumes from: fed by both lanes. */
    static String sinkInput(ConnectorDescriptor descriptor) {
        return "direct:" + descriptor.id() + ".upstream";
    }

    static String scheduledRouteId(ConnectorDescriptor descriptor) {
        return descriptor.routePrefix() + SCHEDULED;
    }

    @Override
    public void configure() {
        String upstream = descriptor.department();
        // the sink logs and retries itself; a second error handler here would only log the same failure twice
        errorHandler(noErrorHandler());
        String concurrency = "&concurrentConsumers=" + consumers;
        from(GatewayAddresses.upstreamConsumerUri(upstream) + concurrency).routeId(scheduledRouteId(descriptor))
                .autoStartup(scheduledStarts)
                .process(guard::check).id(descriptor.routePrefix() + SCHEDULED + "-shield-guard")
                .filter(exchangeProperty(ShieldGuard.SUPPRESSED).isEqualTo(false))
                    .process(resends::check).id(descriptor.routePrefix() + SCHEDULED + "-resend-guard")
                    .filter(exchangeProperty(ResendGuard.ALREADY_THERE).isEqualTo(false))
                        .to(sinkInput(descriptor)).id(descriptor.routePrefix() + SCHEDULED + "-deliver")
                    .end()
                .end();
        from(GatewayAddresses.realtimeConsumerUri(upstream) + concurrency).routeId(descriptor.routePrefix() + REALTIME)
                .process(guard::check).id(descriptor.routePrefix() + REALTIME + "-shield-guard")
                .filter(exchangeProperty(ShieldGuard.SUPPRESSED).isEqualTo(false))
                    .process(resends::check).id(descriptor.routePrefix() + REALTIME + "-resend-guard")
                    .filter(exchangeProperty(ResendGuard.ALREADY_THERE).isEqualTo(false))
                        .to(sinkInput(descriptor)).id(descriptor.routePrefix() + REALTIME + "-deliver")
                    .end()
                .end();
    }
}
