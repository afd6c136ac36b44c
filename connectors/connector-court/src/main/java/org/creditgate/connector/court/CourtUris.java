package org.creditgate.connector.court;

import org.creditgate.spi.ConnectorDescriptor;

/** Every endpoint URI of the court connector, built in one place. */
final class CourtUris {

    private CourtUris() {
    }

    /** The poll trigger: a timer named after the instance (one thread, so polls never overlap). */
    static String pollTimer(ConnectorDescriptor descriptor, CourtSettings settings) {
        return "timer:" + descriptor.id() + "?period=" + settings.pollPeriod().toMillis()
                + "&delay=" + settings.initialDelay().toMillis();
    }
}
