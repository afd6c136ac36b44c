package org.creditgate.connector.soap;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.creditgate.spi.ConfiguredConnector;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.GatewayConnector;
import org.creditgate.spi.config.Settings;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The SOAP sink (全国信用信息共享平台, synchronous receipts): one instance per {@code
 * etc/org.creditgate.connector.soap-<upstream>.cfg}. Wiring only; the work is in {@link SoapRoutes},
 * {@link NationalSender} and {@link NationalClient}.
 */
@Component(service = GatewayConnector.class, configurationPid = SoapConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SoapConnector extends ConfiguredConnector<SoapSettings>
        implements UpstreamHoldings.Source {

    public static final String TYPE = "soap";
    public static final String PID = "org.creditgate.connector.soap";

    @Activate
    public SoapConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SINK, SoapSettings.DEF, properties);
    }

    @Override
    protected SoapSettings settings(Settings raw) {
        return SoapSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(SoapSettings settings, ConnectorDescriptor descriptor, ConnectorContext context) {
        NationalClient client = new NationalClient(settings);
        return new SoapRoutes(descriptor, context, new NationalSender(client, settings, descriptor, context), client);
    }

    /** Reconciliation: the national platform's queryHoldings and queryStatus. */
    @Override
    public java.util.Optional<UpstreamHoldings> upstreamHoldings() {
        return settings().map(NationalHoldings::new);
    }
}
