package org.creditgate.spi;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Installs a connector's routes without starting them ({@code autoStartup = false}): an operator resumes it
 * later. The connector's routes are configured here and marked before they reach the context, so they never run,
 * not even for the moment between being added and being stopped.
 */
final class Paused extends RouteBuilder {

    private final RouteBuilder routes;

    private Paused(RouteBuilder routes) {
        this.routes = routes;
    }

    static RoutesBuilder of(RoutesBuilder routes) {
        if (!(routes instanceof RouteBuilder builder)) {
            throw new IllegalArgumentException("autoStartup=false needs the connector's routes as a RouteBuilder, got "
                    + routes.getClass().getName());
        }
        return new Paused(builder);
    }

    @Override
    public void configure() throws Exception {
        for (RouteDefinition route : routes.configureRoutes(getContext()).getRoutes()) {
            route.autoStartup(false);
            getRouteCollection().getRoutes().add(route);
        }
    }
}
