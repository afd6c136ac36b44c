package org.creditgate.core.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.creditgate.core.auth.DepartmentDirectory;
import org.creditgate.core.auth.Operator;
import org.creditgate.core.auth.OperatorAuthenticator;
import org.creditgate.core.auth.UpstreamDirectory;
import org.creditgate.core.health.HealthService;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.ledger.Ledger;

/**
 * The running gateway as the REST tests need it: a gateway and a ledger (either may be absent, as while they
 * restart), departments and upstream platforms with their tokens, and three Karaf users — {@code viewer} (role
 * viewer), {@code boss} (admin, manager), {@code nobody} (no role); any other login fails.
 */
final class TestBackend implements GatewayApi.Backend {

    static final String VIEWER = basic("viewer");
    static final String ADMIN = basic("boss");
    static final String NO_ROLE = basic("nobody");
    private static final Map<String, Set<String>> USERS = Map.of("viewer", Set.of("viewer"), "boss",
            Set.of("manager", "admin"), "nobody", Set.of());

    private final Supplier<IngestGateway> gateway;
    private final Supplier<Ledger> ledger;
    private DepartmentDirectory departments = new DepartmentDirectory(Map.of());
    private UpstreamDirectory upstreams = new UpstreamDirectory(Map.of());
    private long maxRequestBytes = 4096;

    /** Both may answer null: the part is not running. */
    TestBackend(Supplier<IngestGateway> gateway, Supplier<Ledger> ledger) {
        this.gateway = gateway;
        this.ledger = ledger;
    }

    TestBackend(IngestGateway gateway, Ledger ledger) {
        this(() -> gateway, () -> ledger);
    }

    /** Departments from {@code <id>.token} / {@code <id>.name} properties, as org.creditgate.departments.cfg. */
    TestBackend departments(Map<String, String> properties) {
        this.departments = new DepartmentDirectory(properties);
        return this;
    }

    /** Upstream platforms from {@code <id>.token} / {@code <id>.name} properties, as org.creditgate.upstreams.cfg. */
    TestBackend upstreams(Map<String, String> properties) {
        this.upstreams = new UpstreamDirectory(properties);
        return this;
    }

    TestBackend maxRequestBytes(long bytes) {
        this.maxRequestBytes = bytes;
        return this;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public DepartmentDirectory departments() {
        return departments;
    }

    @Override
    public UpstreamDirectory upstreams() {
        return upstreams;
    }

    @Override
    public HealthService health() {
        return new HealthService();
    }

    @Override
    public Optional<IngestGateway> gateway() {
        return Optional.ofNullable(gateway.get());
    }

    @Override
    public Optional<Ledger> ledger() {
        return Optional.ofNullable(ledger.get());
    }

    @Override
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    @Override
    public OperatorAuthenticator operators() {
        return new OperatorAuthenticator("none") {
            @Override
            protected Optional<Operator> login(String user, char[] password) {
                Set<String> roles = USERS.get(user);
                return roles != null && new String(password).equals("pw-" + user)
                        ? Optional.of(new Operator(user, roles)) : Optional.empty();
            }
        };
    }
}
