package org.creditgate.connector.xmlfile;

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
 * The XML-file sink (国家企业信用信息公示系统: batch file + manifest out, receipt files back): one instance per {@code
 * etc/org.creditgate.connector.xmlfile-<upstream>.cfg}. Wiring only; the work is in {@link XmlFileRoutes},
 * {@link BatchWriter} and {@link ReceiptReader}.
 */
@Component(service = GatewayConnector.class, configurationPid = XmlFileConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class XmlFileConnector extends ConfiguredConnector<XmlFileSettings>
        implements UpstreamHoldings.Source {

    public static final String TYPE = "xmlfile";
    public static final String PID = "org.creditgate.connector.xmlfile";

    @Activate
    public XmlFileConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SINK, XmlFileSettings.DEF, properties);
    }

    @Override
    protected XmlFileSettings settings(Settings raw) {
        return XmlFileSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(XmlFileSettings settings, ConnectorDescriptor descriptor,
            ConnectorContext context) {
        PendingBatches pending = new PendingBatches(context.workDir().resolve("pending"), context.clock());
        return new XmlFileRoutes(settings, descriptor, context,
                new BatchWriter(settings, descriptor, context, pending),
                new ReceiptReader(settings, descriptor, context, pending));
    }

    /** Reconciliation: the holdings file the upstream publishes in the receipt directory. */
    @Override
    public java.util.Optional<UpstreamHoldings> upstreamHoldings() {
        return settings().map(GsxtHoldings::new);
    }
}
