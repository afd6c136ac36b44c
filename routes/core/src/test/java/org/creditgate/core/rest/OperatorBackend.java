package org.creditgate.core.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.auth.DepartmentDirectory;
import org.creditgate.core.auth.Operator;
import org.creditgate.core.auth.OperatorAuthenticator;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.health.HealthService;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.Ledger;
import org.creditgate.spi.ingest.IngestResult;

/**
 * A backend for the operator API's tests: a real ledger and connector registry, and three Karaf users — {@code viewer}
 * (role viewer), {@code boss} (admin, manager), {@code nobody} (no role); any other login fails.
 */
final class OperatorBackend implements GatewayApi.Backend {

    static final String VIEWER = basic("viewer");
    static final String ADMIN = basic("boss");
    static final String NO_ROLE = basic("nobody");
    private static final Map<String, Set<String>> USERS = Map.of("viewer", Set.of("viewer"), "boss",
            Set.of("manager", "admin"), "nobody", Set.of());

    private final Ledger ledger;
    private final ConnectorRegistry registry;

    OperatorBackend(Ledger ledger, ConnectorRegistry registry) {
        this.ledger = ledger;
        this.registry = registry;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public DepartmentDirectory departments() {
        return new DepartmentDirectory(Map.of());
    }

    @Override
    public HealthService health() {
        return new HealthService();
    }

    @Override
    public Optional<IngestGateway> gateway() {
        return Optional.of(new IngestGateway() {
            @Override
            public IngestResult ingest(IngestRequest request) {
                throw new UnsupportedOperationException("the operator API only reads here");
            }

            @Override
            public IngestResult push(String connectorId, JsonNode body) {
                throw new UnsupportedOperationException("the operator API only reads here");
            }

            @Override
            public DeadlineWatch deadlines() {
                throw new UnsupportedOperationException();
            }

            @Override
            public DeadLetters deadLetters() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ConnectorRegistry connectors() {
                return registry;
            }

            @Override
            public List<ComponentHealth> health() {
                return List.of();
            }
        });
    }

    @Override
    public Optional<Ledger> ledger() {
        return Optional.ofNullable(ledger);
    }

    @Override
    public long maxRequestBytes() {
        return 4096;
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
