package org.creditgate.core.delivery;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;

/**
 * The transacted JMS component of the delivery routes (fan-out, upstream lanes, sinks' dead-letter sends), built in
 * one place because its settings decide whether a crash can lose or double a copy.
 *
 * <p>Local JMS transactions on the listener's own session ({@code transacted} with
 * {@code lazyCreateTransactionManager=false}, no transaction manager): Spring's listener container exposes its
 * session to every send made on the listener's thread through the same connection factory, so the consumption and
 * all the copies commit — or roll back — together, and the container keeps one consumer per listener
 * ({@code CACHE_CONSUMER}). Both alternatives failed here: a {@code JmsTransactionManager} with the default cache
 * level (CACHE_NONE) opened a consumer per receive and left prefetched messages, with their message groups, on
 * consumers nobody read (delivery stalled for good after ~190 records); the same manager with CACHE_CONSUMER
 * received on the cached session but sent on the manager's, so a kill -9 between the two commits lost a copy
 * (CrashDurabilityIT).
 */
public final class DeliveryJms {

    private DeliveryJms() {
    }

    /** @param connections the factory every delivery route and send uses (one object: the session is found by it) */
    public static JmsComponent component(ConnectionFactory connections) {
        JmsComponent jms = new JmsComponent();
        jms.getConfiguration().setConnectionFactory(connections);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }
}
