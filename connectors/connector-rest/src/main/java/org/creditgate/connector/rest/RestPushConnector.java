package org.creditgate.connector.rest;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.creditgate.spi.ConfiguredConnector;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.GatewayConnector;
import org.creditgate.spi.config.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Connector type {@code rest}: departments push JSON to {@code POST /api/v1/connectors/rest-<dept>/records} with
 * their bearer token (org.creditgate.departments.cfg). One instance per {@code etc/org.creditgate.connector.rest-
 * <dept>.cfg}.
 */
@Component(service = GatewayConnector.class, configurationPid = RestPushConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class RestPushConnector extends ConfiguredConnector<RestPushSettings> {

    static final String TYPE = "rest";
    static final String PID = "org.creditgate.connector." + TYPE;

    @Activate
    public RestPushConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SOURCE, RestPushSettings.CONFIG, properties);
    }

    @Override
    protected RestPushSettings settings(Settings raw) {
        return RestPushSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(RestPushSettings settings, ConnectorDescriptor descriptor,
            ConnectorContext context) {
        return new RestPushRoutes(descriptor, settings, context);
    }
}
