package org.creditgate.connector.envelope;

import java.util.Map;

import org.creditgate.testkit.ConnectorContractTest;

/**
 * The test kit's connector contract for an envelope sink instance; each module (the type's example, province,
 * creditchina) names only its shipped configuration. Credentials are added so the secret-masking check has one.
 */
public abstract class EnvelopeContract extends ConnectorContractTest<EnvelopeConnector> {

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
}
