package ${package};

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

/** Connector type {@code ${type}}: one instance per {@code etc/org.creditgate.connector.${type}-<department>.cfg}. */
@Component(service = GatewayConnector.class, configurationPid = InboxConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class InboxConnector extends ConfiguredConnector<InboxSettings> {

    static final String TYPE = "${type}";
    static final String PID = "org.creditgate.connector." + TYPE;

    @Activate
    public InboxConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SOURCE, InboxSettings.CONFIG, properties);
    }

    @Override
    protected InboxSettings settings(Settings raw) {
        return InboxSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(InboxSettings settings, ConnectorDescriptor descriptor, ConnectorContext context) {
        return new InboxRoutes(descriptor, settings, new InboxReader(settings.inbox(), context));
    }
}
