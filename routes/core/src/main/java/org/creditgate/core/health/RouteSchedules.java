package org.creditgate.core.health;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.scheduler.SchedulerEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;

/**
 * How often a route's consumer starts a run on its own: timer and scheduler consumers create an exchange every
 * period whether or not the source has news (a file or JMS consumer only when something arrived, so it has none).
 */
public final class RouteSchedules {

    private RouteSchedules() {
    }

    public static Optional<Duration> period(CamelContext camel, String routeId) {
        Route route = camel.getRoute(routeId);
        Endpoint from = route == null ? null : route.getEndpoint();
        if (from instanceof TimerEndpoint t && t.getRepeatCount() <= 0 && t.getPeriod() > 0) {
            return Optional.of(Duration.ofMillis(t.getPeriod()));
        }
        if (from instanceof SchedulerEndpoint s && s.getRepeatCount() <= 0 && s.getDelay() > 0) {
            return Optional.of(Duration.ofMillis(s.getTimeUnit().toMillis(s.getDelay())));
        }
        return Optional.empty();
    }
}
