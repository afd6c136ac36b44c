package org.creditgate.connector.court;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;
import org.junit.jupiter.api.AfterEach;

/** The connector contract, with the court simulator as the department's source. */
class CourtConnectorContractTest extends SourceConnectorContractTest<CourtConnector> {

    private CourtSimulator sim;
    private long offeredFrom;
    private long offeredTo;

    @Override
    protected CourtConnector newConnector(Map<String, Object> properties) {
        return new CourtConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() {
        if (sim == null) {
            sim = new CourtSimulator().start(0);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("department", "zjfy");
        p.put(CourtSettings.ENDPOINT, sim.url());
        p.put(CourtSettings.ACCOUNT, CourtSimulator.ACCOUNT);
        p.put(CourtSettings.PASSWORD, CourtSimulator.PASSWORD);
        p.put(CourtSettings.POLL_PERIOD, "100ms");
        p.put(CourtSettings.INITIAL_DELAY, "0s");
        return p;
    }

    @Override
    protected ConfigDef configDef() {
        return CourtSettings.DEF;
    }

    @Override
    protected Path shippedConfig() {
        return Path.of("src/main/cfg/org.creditgate.connector.court-zjfy.cfg");
    }

    @Override
    protected SourceDriver driver() {
        // the base class asks for a driver per call: what was offered last lives in the test
        return new SourceDriver() {
            @Override
            public void offerValid(int first, int count) {
                offeredFrom = sim.lastSeq() + 1;
                for (int n = first; n < first + count; n++) {
                    sim.add(DemoExecutees.person(n));
                }
                offeredTo = sim.lastSeq();
            }

            @Override
            public void offerAgain() {
                sim.republish(offeredFrom, offeredTo);
            }

            @Override
            public String offerInvalid() {
                sim.add(DemoExecutees.person(900).setCardNum(DemoExecutees.brokenIdNo(900)));
                return "idNo";
            }
        };
    }

    @AfterEach
    void stopSimulator() throws Exception {
        // routes first: a poll cut off by a closing server would wait for its receive timeout
        if (camel != null) {
            camel.close();
        }
        if (sim != null) {
            sim.close();
        }
    }
}
