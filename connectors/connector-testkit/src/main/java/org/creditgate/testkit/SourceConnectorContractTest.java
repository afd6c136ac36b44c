package org.creditgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.creditgate.spi.GatewayConnector;
import org.creditgate.spi.ingest.IngestStatus;
import org.junit.jupiter.api.Test;

/**
 * The contract of a SOURCE connector: everything of {@link ConnectorContractTest}, plus, fed through its source —
 * valid input accepted and a resend idempotent, bad input a rejection naming the field, and a stop that finishes
 * in-flight work with a restart that loses nothing.
 *
 * @param <C> the connector type
 */
public abstract class SourceConnectorContractTest<C extends GatewayConnector> extends ConnectorContractTest<C> {

    private SourceDriver source;

    /** Feeds the connector's source; called once per test, after the connector's routes started. */
    protected abstract SourceDriver driver();

    private SourceDriver source() {
        if (source == null) {
            source = driver();
        }
        return source;
    }

    @Test
    void validInputIsAcceptedAndAResendIsIdempotent() throws Exception {
        source().offerValid(1, 3);
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(gateway.count(IngestStatus.ACCEPTED))
                .as("accepted; rejections: %s", gateway.rejections()).isEqualTo(3));

        source().offerAgain();
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(gateway.count(IngestStatus.ALREADY_ACCEPTED))
                .as("answered ALREADY_ACCEPTED").isGreaterThanOrEqualTo(3));
        assertThat(gateway.queuedVersions()).as("record versions stored").isEqualTo(3);
        assertThat(gateway.enqueued()).as("versions handed to the broker").hasSize(3);
    }

    @Test
    void invalidInputBecomesARejectionWithFieldLevelErrors() throws Exception {
        String field = source().offerInvalid();
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(gateway.rejections())
                .as("rejections of %s", connector().descriptor().department())
                .anySatisfy(r -> assertThat(r.errors()).contains("\"field\":\"" + field + "\"")));
        assertThat(gateway.queuedVersions()).isZero();
    }

    @Test
    void stopFinishesInFlightWorkAndARestartLosesNothing() throws Exception {
        source().offerValid(100, 20);
        await().atMost(PROCESSED).until(() -> gateway.ingestCalls() > 0);
        camel.getRouteController().stopAllRoutes();
        assertThat(camel.getInflightRepository().size()).as("exchanges in flight after stop").isZero();
        camel.close();

        camel = start(newConnector(validProperties()));
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(gateway.queuedVersions())
                .as("stored after restart; rejections: %s", gateway.rejections()).isEqualTo(20));
        assertThat(gateway.enqueued()).as("each version handed to the broker once").hasSize(20);
    }
}
