package org.creditgate.connector.file;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.creditgate.connector.file.drop.DropFolders;
import org.creditgate.connector.file.drop.FileProcessor;
import org.creditgate.connector.file.read.DataFiles;
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
 * The file-drop connector type {@value #TYPE}: one instance per department, from
 * {@code etc/org.creditgate.connector.file-<department>.cfg}. Wiring only; see {@link FileDropSettings} for the
 * configuration and {@link FileDropRoutes} for the routes.
 */
@Component(service = GatewayConnector.class, configurationPid = FileDropConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class FileDropConnector extends ConfiguredConnector<FileDropSettings> {

    public static final String TYPE = "file";
    public static final String PID = "org.creditgate.connector.file";

    @Activate
    public FileDropConnector(Map<String, Object> properties) {
        super(TYPE, ConnectorKind.SOURCE, FileDropSettings.DEF, properties);
    }

    @Override
    protected FileDropSettings settings(Settings raw) {
        return FileDropSettings.from(raw);
    }

    @Override
    protected RoutesBuilder routes(FileDropSettings s, ConnectorDescriptor descriptor, ConnectorContext context) {
        DropFolders folders = new DropFolders(s.dir(), s.doneDir(), s.errorDir());
        FileProcessor processor = new FileProcessor(context, s.layouts(),
                new DataFiles.Options(s.encoding(), s.csvDelimiter(), s.limits()), folders, s.batchSize(),
                s.sourceRefField());
        return new FileDropRoutes(new FileDropUris(descriptor, s), folders, processor);
    }
}
