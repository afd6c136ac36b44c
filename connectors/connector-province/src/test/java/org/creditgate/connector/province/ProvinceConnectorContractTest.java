package org.creditgate.connector.province;

import java.nio.file.Path;

import org.creditgate.connector.envelope.EnvelopeContract;

/** The test kit's connector contract (descriptor, documented and valid config, secrets, route ids) for this sink. */
class ProvinceConnectorContractTest extends EnvelopeContract {

    @Override
    protected Path shippedConfig() {
        return ProvinceConnectorTest.CFG;
    }
}
