package org.creditgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.spi.GatewayConnector;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of a connector's route test (Camel Test): the connector's routes in a CamelContext, wired to a
 * {@link TestGateway} — the real validation and ingest pipeline over an in-memory ledger — so the test asserts what
 * the gateway would really have stored, rejected or answered. Use {@code isUseAdviceWith()} and {@code AdviceWith}
 * as usual.
 *
 * @param <C> the connector type
 */
public abstract class ConnectorRouteTest<C extends GatewayConnector> extends CamelTestSupport {

    protected TestGateway gateway;
    protected C connector;

    /** The connector under test, from the test's configuration; start its simulator here too. */
    protected abstract C newConnector() throws Exception;

    @Override
    protected final RoutesBuilder createRouteBuilder() throws Exception {
        connector = newConnector();
        assertThat(connector.problem()).as("problem of the test configuration").isEmpty();
        gateway = new TestGateway(connector.descriptor());
        return connector.routes(gateway);
    }

    @AfterEach
    void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }
}
