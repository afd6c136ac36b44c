package org.creditgate.connector.creditchina;

import java.nio.file.Path;

import org.creditgate.connector.envelope.EnvelopeContract;

/** The test kit's connector contract (descriptor, documented and valid config, secrets, route ids) for this sink. */
class CreditChinaConnectorContractTest extends EnvelopeContract {

    @Override
    protected Path shippedConfig() {
        return CreditChinaConnectorTest.CFG;
    }
}
