package org.creditgate.core.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.GatewayAddresses;

/**
 * Route {@code core.fanout}: consumes every accepted record version in a JMS transaction and puts one copy on the
 * durable queue of each upstream that must receive it. The sends join the consuming transaction, so the record
 * leaves the accepted queue only together with all its copies; an exception rolls everything back and Artemis
 * redelivers (backoff and dead-lettering per broker.xml). The message group (the subject) travels with each copy,
 * so a correction never overtakes the record it corrects on any upstream queue.
 */
public final class FanOutRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "core.fanout";
    /** The transacted JMS component the core registers in its CamelContext. */
    public static final String JMS = GatewayAddresses.JMS_COMPONENT;

    private final String acceptedAddress;
    private final FanOut fanOut;

    private final int consumers;

    public FanOutRoutes(String acceptedAddress, FanOut fanOut) {
        this(acceptedAddress, fanOut, 1);
    }

    /** {@code consumers}: concurrent consumers; message groups keep each subject on one of them. */
    public FanOutRoutes(String acceptedAddress, FanOut fanOut, int consumers) {
        this.acceptedAddress = acceptedAddress;
        this.fanOut = fanOut;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from(JMS + ":queue:" + acceptedAddress + "?transacted=true&concurrentConsumers=" + consumers).routeId(ROUTE_ID)
                .process(fanOut::route).id("core.fanout.route")
                .split(body())
                    .process(FanOut::address).id("core.fanout.address")
                    .toD(JMS + ":queue:${exchangeProperty." + FanOut.QUEUE + "}")
                        .id("core.fanout.send")
                .end();
    }
}
