package org.creditgate.connector.table;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;

/** The connector contract for the table type, on H2 with the shipped example configuration. */
class TableConnectorContractTest extends SourceConnectorContractTest<TableConnector> {

    private ExampleTable table;
    private Driver driver;

    @Override
    protected TableConnector newConnector(Map<String, Object> properties) {
        return new TableConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() throws Exception {
        if (table == null) {
            table = new ExampleTable();
            driver = new Driver(table);
        }
        Map<String, Object> props = ExampleConfig.properties(table.url());
        props.put("poll.pageSize", "5");
        return props;
    }

    @Override
    protected Path shippedConfig() {
        return ExampleConfig.SHIPPED;
    }

    @Override
    protected SourceDriver driver() {
        return driver;
    }

    /** Inserts rows with ever later update times; a resend is the department touching the same rows again. */
    static final class Driver implements SourceDriver {
        private final ExampleTable table;
        private long tick;
        private List<Long> last = List.of();

        Driver(ExampleTable table) {
            this.table = table;
        }

        @Override
        public void offerValid(int first, int count) throws Exception {
            List<Long> ids = new ArrayList<>();
            for (long id = first; id < first + count; id++) {
                table.insertValid(id, next());
                ids.add(id);
            }
            last = ids;
        }

        @Override
        public void offerAgain() throws Exception {
            for (long id : last) {
                table.touch(id, next());
            }
        }

        @Override
        public String offerInvalid() throws Exception {
            table.insertBadUscc(9_000 + tick, next());
            // the ledger keeps the record as ingested, keyed by national codes; the department's column name
            // (subject_uscc) is what the status write-back shows (TablePollerTest)
            return "CF_XDR_SHXYM";
        }

        private Instant next() {
            return ExampleTable.BASE.plusSeconds(++tick);
        }
    }
}
