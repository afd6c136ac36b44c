package org.creditgate.connector.envelope;

import java.nio.file.Path;

/** The test kit's connector contract (descriptor, documented and valid config, secrets, route ids) for this sink. */
class EnvelopeConnectorContractTest extends EnvelopeContract {

    @Override
    protected Path shippedConfig() {
        return EnvelopeConnectorTest.CFG;
    }
}
