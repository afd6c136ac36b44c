package org.creditgate.core.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Starts a CamelContext inside an OSGi bundle without camel-karaf's OSGi glue. */
final class CamelRuntimes {

    private CamelRuntimes() {
    }

    static CamelContext start(String name, RoutesBuilder... routes) throws Exception {
        return start(name, context -> { }, routes);
    }

    /** Components and beans the routes need go in through {@code prepare}, before any route is added. */
    static CamelContext start(String name, java.util.function.Consumer<CamelContext> prepare, RoutesBuilder... routes)
            throws Exception {
        // Camel finds its components, languages and type converters through META-INF/services files inside the
        // Camel runtime bundle; make that bundle's class loader the application and context class loader while
        // the context boots, or lookups like the "simple" language fail.
        ClassLoader camelLoader = DefaultCamelContext.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(camelLoader);
        try {
            DefaultCamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName(name);
            context.setApplicationContextClassLoader(camelLoader);
            prepare.accept(context);
            for (RoutesBuilder r : routes) {
                context.addRoutes(r);
            }
            context.start();
            return context;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
