package org.creditgate.connector.ecology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.creditgate.connector.ecology.sim.EcologySimulator;
import org.creditgate.connector.table.TableConnector;
import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AutoClose;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;

/**
 * The connector contract for the 生态环境局 instance: the table connector type on the shipped sthjj configuration,
 * against the bureau's exchange table in a real PostgreSQL 17 (one server per class, a schema per test).
 */
class EcologyConnectorContractTest extends SourceConnectorContractTest<TableConnector> {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    @AutoClose
    private static final EmbeddedPostgresServer server = EmbeddedPostgresServer.start();

    private String url;
    private Driver driver;

    @Override
    protected TableConnector newConnector(Map<String, Object> properties) {
        return new TableConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() throws Exception {
        if (url == null) {
            url = server.createSchema("sthjj_contract_" + SCHEMAS.incrementAndGet());
            EcologySimulator sim = EcologySimulator.connect(url, EmbeddedPostgresServer.USER, "");
            sim.createTable();
            driver = new Driver(sim);
        }
        return EcologyConfig.forTest(url);
    }

    @Override
    protected Path shippedConfig() {
        return EcologyConfig.SHIPPED;
    }

    @Override
    protected SourceDriver driver() {
        return driver;
    }

    /** The bureau's system: inserts decisions, re-exports them unchanged, and sometimes gets a USCC wrong. */
    static final class Driver implements SourceDriver {
        private final EcologySimulator sim;
        private List<Long> last = List.of();
        private long nextBad = 90_000;

        Driver(EcologySimulator sim) {
            this.sim = sim;
        }

        @Override
        public void offerValid(int first, int count) throws Exception {
            List<Long> ids = new ArrayList<>();
            for (long id = first; id < first + count; id++) {
                sim.insertPenalty(id);
                ids.add(id);
            }
            last = ids;
        }

        @Override
        public void offerAgain() throws Exception {
            for (long id : last) {
                sim.touch(id);
            }
        }

        @Override
        public String offerInvalid() throws Exception {
            sim.insertBad(nextBad++, EcologySimulator.Fault.BAD_USCC);
            // the ledger's rejection keeps the record as ingested (national codes); the bureau's column name
            // 统一社会信用代码 is in the cg_errors write-back (EcologyExchangeTest)
            return "CF_XDR_SHXYM";
        }
    }
}
