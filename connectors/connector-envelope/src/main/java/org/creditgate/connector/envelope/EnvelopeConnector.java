package org.creditgate.connector.envelope;

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
 * Connector type {@code envelope}: a SINK delivering one upstream platform's queue ({@code creditgate.upstream.<id>})
 * in the exchange envelope of domain.md §7.2 over HTTP. One instance per
 * {@code etc/org.creditgate.connector.envelope-<upstream>.cfg}; {@code department} is the upstream id.
 */
@Component(service = GatewayConnector.class, configurationPid = EnvelopeConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class EnvelopeConnector extends ConfiguredConnector<EnvelopeSettings>
        implements UpstreamHoldings.Source {

    public static final String TYPE = "envelope";
    public static final String PID = "org.creditgate.connector." + TYPE;

    @Activate
    public EnvelopeConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SINK, EnvelopeSettings.CONFIG, properties);
    }

    @Override
    protected EnvelopeSettings settings(Settings raw) {
        return EnvelopeSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(EnvelopeSettings settings, ConnectorDescriptor descriptor,
            ConnectorContext context) {
        return new EnvelopeRoutes(descriptor, settings, context);
    }

    /** Reconciliation: the upstream's holdings and status queries over its REST API. */
    @Override
    public java.util.Optional<UpstreamHoldings> upstreamHoldings() {
        return settings().map(EnvelopeHoldings::new);
    }
}
