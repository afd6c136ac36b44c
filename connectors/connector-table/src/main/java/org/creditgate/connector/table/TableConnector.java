package org.creditgate.connector.table;

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
 * The {@code table} connector type (数据交换库): one instance per {@code etc/org.creditgate.connector.table-<dept>.cfg}
 * polls that department's exchange table. Wiring only: the configuration is declared in {@link TableConfig}, typed in
 * {@link TablePollSettings}, the route is {@link TableRoutes} and the JDBC work {@link TablePoller}.
 */
@Component(service = GatewayConnector.class, configurationPid = TableConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class TableConnector extends ConfiguredConnector<TablePollSettings> {

    @Activate
    public TableConnector(Map<String, Object> properties) {
        super(TableConfig.TYPE, ConnectorKind.SOURCE, TableConfig.DEF, properties);
    }

    @Override
    protected TablePollSettings settings(Settings raw) {
        return TablePollSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(TablePollSettings settings, ConnectorDescriptor descriptor,
            ConnectorContext context) {
        return new TableRoutes(settings, descriptor, new TablePoller(settings, context));
    }
}
