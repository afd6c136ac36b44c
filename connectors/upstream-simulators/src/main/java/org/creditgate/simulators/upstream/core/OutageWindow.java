package org.creditgate.simulators.upstream.core;

import java.time.Instant;

/** An outage [from, to): the upstream answers 503 / a SOAP fault / leaves files alone. */
public record OutageWindow(Instant from, Instant to) {

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
