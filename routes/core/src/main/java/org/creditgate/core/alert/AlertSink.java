package org.creditgate.core.alert;

import org.slf4j.LoggerFactory;

/** Where a watch, job or supervisor raises its alerts; {@link Alerts} in the gateway, the WARN line alone elsewhere. */
@FunctionalInterface
public interface AlertSink {

    void raise(Alert alert);

    /** Only the WARN line, as before alerts were events (for a part used without the gateway's {@link Alerts}). */
    static AlertSink logOnly() {
        return alert -> LoggerFactory.getLogger(Alerts.class).warn("{}", alert.logLine());
    }
}
