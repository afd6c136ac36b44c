package org.creditgate.connector.envelope;

import java.nio.file.Path;
import java.util.Map;

import org.creditgate.connector.envelope.EnvelopeConfigCheck;
import org.creditgate.connector.envelope.EnvelopeConnector;
import org.creditgate.testkit.ConnectorContractTest;

/** The testkit's connector contract (descriptor, documented and valid config, secrets, route ids) for this sink. */
class EnvelopeConnectorContractTest extends ConnectorContractTest<EnvelopeConnector> {

    @Override
    protected EnvelopeConnector newConnector(Map<String, Object> properties) {
        return new EnvelopeConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() throws Exception {
        Map<String, Object> props = EnvelopeConfigCheck.shipped(shippedConfig());
        props.put("username", "cg-test");
        props.put("password", "not-a-real-password-42");
        return props;
    }

    @Override
    protected Path shippedConfig() {
        return EnvelopeConnectorTest.CFG;
    }
}
