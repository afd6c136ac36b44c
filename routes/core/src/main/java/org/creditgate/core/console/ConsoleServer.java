package org.creditgate.core.console;

import org.creditgate.core.runtime.CoreConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the operator console (运维控制台) at /console on Karaf's HTTP service. A change of org.creditgate.core
 * re-registers it, so console.enabled and console.refreshMs apply without a restart.
 */
@Component(configurationPid = CoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class ConsoleServer {

    static final String ALIAS = "/console";
    /** Where RestServer publishes the API (CXF's servlet context /api + its address /v1). */
    static final String API_BASE = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    @Reference
    private HttpService http;
    private boolean registered;

    @Activate
    void activate(CoreConfig config) throws Exception {
        if (!config.console_enabled()) {
            LOG.info("Operator console disabled (console.enabled = false)");
            return;
        }
        ConsoleServlet servlet = new ConsoleServlet(ConsoleAssets.load(ConsoleServer.class.getClassLoader()),
                ConsoleAssets.settings(API_BASE, config.console_refreshMs()));
        try {
            http.registerServlet(ALIAS, servlet, null, http.createDefaultHttpContext());
            registered = true;
            LOG.info("Operator console at {}/ (Karaf login: viewer reads, manager or admin may replay)", ALIAS);
        } catch (NamespaceException e) {
            LOG.warn("Operator console not served: {} is already taken on the HTTP service", ALIAS);
        }
    }

    @Deactivate
    void deactivate() {
        if (registered) {
            http.unregister(ALIAS);
            registered = false;
        }
    }
}
