package org.creditgate.connector.court;

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
 * The court connector (中级人民法院, 失信被执行人 over SOAP): one instance per {@code
 * etc/org.creditgate.connector.court-<department>.cfg}. Wiring only; the work is in {@link CourtRoutes},
 * {@link CourtPuller}, {@link CourtClient} and {@link CourtTranslator}.
 */
@Component(service = GatewayConnector.class, configurationPid = CourtConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class CourtConnector extends ConfiguredConnector<CourtSettings> {

    public static final String TYPE = "court";
    public static final String PID = "org.creditgate.connector.court";

    @Activate
    public CourtConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SOURCE, CourtSettings.DEF, properties);
    }

    @Override
    protected CourtSettings settings(Settings raw) {
        return CourtSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(CourtSettings settings, ConnectorDescriptor descriptor, ConnectorContext context) {
        CourtPuller puller = new CourtPuller(() -> new CourtClient(settings),
                new CourtTranslator(context.clock()), context, settings.pageSize());
        return new CourtRoutes(settings, descriptor, puller);
    }
}
