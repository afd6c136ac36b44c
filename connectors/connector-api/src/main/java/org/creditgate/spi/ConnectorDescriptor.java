package org.creditgate.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a running connector is: its instance id, the connector type it instantiates, its direction, the version
 * of the bundle that provides it, and the department (or upstream platform) that owns it.
 *
 * <p>One id names everything of a connector instance: the configuration file
 * {@code etc/org.creditgate.connector.<type>-<department>.cfg}, the id {@code <type>-<department>}, its route ids
 * {@code <id>.<role>}, its metrics and its health entry.
 *
 * @param id         instance id, {@code <type>-<department>}, lower-case kebab
 * @param type       connector type, one word (Felix FileInstall splits factory file names at the first '-')
 * @param kind       direction
 * @param version    version of the providing bundle ("dev" outside OSGi)
 * @param department owning department (source) or upstream platform (sink)
 * @param pid        configuration PID the instance was created from (for error messages)
 */
public record ConnectorDescriptor(String id, String type, ConnectorKind kind, String version, String department,
        String pid) {

    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*");
    public static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]|[a-z]");

    public ConnectorDescriptor {
        Objects.requireNonNull(kind, "kind");
        require(type, TYPE, "type");
        require(department, DEPARTMENT, "department");
        if (!id.equals(type + "-" + department)) {
            throw new IllegalArgumentException("connector id '" + id + "' must be <type>-<department> = '"
                    + type + "-" + department + "'");
        }
        version = version == null || version.isBlank() ? "dev" : version;
        pid = pid == null ? factoryPid(type) : pid;
    }

    public static ConnectorDescriptor of(String type, ConnectorKind kind, String version, String department,
            String pid) {
        return new ConnectorDescriptor(type + "-" + department, type, kind, version, department, pid);
    }

    /** The factory PID of a connector type: {@code org.creditgate.connector.<type>}. */
    public static String factoryPid(String type) {
        return "org.creditgate.connector." + type;
    }

    /**
     * The endpoint a push connector consumes: the gateway's HTTP API ({@code POST /api/v1/connectors/<id>/records})
     * sends the authenticated department's JSON body (a {@code JsonNode}) there and answers with the
     * {@code IngestResult} the route leaves as its body.
     */
    public String pushEndpoint() {
        return "direct:" + id + ".push";
    }

    /** Prefix every route id of this connector must start with. */
    public String routePrefix() {
        return id + ".";
    }

    private static void require(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("connector " + what + " '" + value + "' must match " + pattern);
        }
    }
}
