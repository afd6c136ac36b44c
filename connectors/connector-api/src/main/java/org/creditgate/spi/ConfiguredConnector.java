package org.creditgate.spi;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.RoutesBuilder;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigException;
import org.creditgate.spi.config.Settings;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Base of a configured connector instance: parses and validates the configuration once, at activation, into the
 * connector's typed settings {@code S}. A bad or missing key does not throw out of activation — that would hide
 * the connector from health — but becomes {@link #problem()}, naming the PID and the key; the registry then shows
 * the instance DOWN and never asks it for routes.
 *
 * <p>A DS connector is a few lines: {@code @Component(service = GatewayConnector.class, configurationPid =
 * "org.creditgate.connector.<type>", configurationPolicy = REQUIRE)} with an {@code @Activate} constructor that
 * passes the properties here.
 *
 * @param <S> the connector's typed settings
 */
public abstract class ConfiguredConnector<S> implements GatewayConnector {

    private static final Pattern FILE_NAME = Pattern.compile("org\\.creditgate\\.connector\\.[a-z0-9]+-([^/\\\\]+)\\.cfg$");

    private final ConnectorDescriptor descriptor;
    private final S settings;
    private final String problem;
    private final boolean autoStartup;
    private final ConfigDef configDef;

    protected ConfiguredConnector(String type, ConnectorKind kind, ConfigDef def, Map<String, ?> properties) {
        Object servicePid = properties.get("service.pid");
        String pid = servicePid == null ? ConnectorDescriptor.factoryPid(type) : servicePid.toString();
        S parsed = null;
        String failure = null;
        String department = department(properties);
        boolean start = true;
        try {
            Settings raw = def.parse(pid, properties);
            department = raw.department();
            if (!ConnectorDescriptor.DEPARTMENT.matcher(department).matches()) {
                throw raw.invalid(ConfigDef.DEPARTMENT, "'" + department + "' must be lower-case letters, digits and '-'");
            }
            start = raw.autoStartup();
            parsed = settings(raw);
        } catch (ConfigException e) {
            failure = e.getMessage();
        }
        this.settings = parsed;
        this.problem = failure;
        this.autoStartup = start;
        this.configDef = def;
        this.descriptor = ConnectorDescriptor.of(type, kind, bundleVersion(getClass()), department, pid);
    }

    /**
     * Turns validated raw settings into the connector's typed settings, checking the rules a single key cannot
     * express (throw {@link Settings#invalid}).
     */
    protected abstract S settings(Settings raw);

    /** The connector's routes for valid settings. */
    protected abstract RoutesBuilder routes(S settings, ConnectorDescriptor descriptor, ConnectorContext context);

    @Override
    public final ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The declared configuration of this connector type. */
    public final ConfigDef configDef() {
        return configDef;
    }

    /** The typed settings; empty when the configuration has a {@link #problem()}. */
    public final Optional<S> settings() {
        return Optional.ofNullable(settings);
    }

    @Override
    public final RoutesBuilder routes(ConnectorContext context) {
        if (settings == null) {
            throw new IllegalStateException(problem);
        }
        RoutesBuilder routes = routes(settings, descriptor, context);
        return autoStartup ? routes : Paused.of(routes);
    }

    @Override
    public String toString() {
        return descriptor.id() + (problem == null ? " " + settings : " (" + problem + ")");
    }

    /** Best-effort department for the id of a misconfigured instance: the key, else the file name, else "unknown". */
    private static String department(Map<String, ?> properties) {
        Object dept = properties.get(ConfigDef.DEPARTMENT);
        if (dept != null && ConnectorDescriptor.DEPARTMENT.matcher(dept.toString().trim()).matches()) {
            return dept.toString().trim();
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            Matcher m = FILE_NAME.matcher(file.toString());
            if (m.find() && ConnectorDescriptor.DEPARTMENT.matcher(m.group(1)).matches()) {
                return m.group(1);
            }
        }
        return "unknown";
    }

    private static String bundleVersion(Class<?> type) {
        try {
            Bundle bundle = FrameworkUtil.getBundle(type);
            return bundle == null ? "dev" : bundle.getVersion().toString();
        } catch (NoClassDefFoundError outsideOsgi) {
            return "dev";
        }
    }
}
