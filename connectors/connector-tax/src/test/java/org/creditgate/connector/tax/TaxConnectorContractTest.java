package org.creditgate.connector.tax;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.creditgate.connector.file.FileDropConnector;
import org.creditgate.connector.file.FileDropSettings;
import org.creditgate.connector.tax.sim.TaxSimulator;
import org.creditgate.connector.tax.sim.TaxSimulator.DataFile;
import org.creditgate.connector.tax.sim.TaxSimulator.Format;
import org.creditgate.connector.tax.sim.TaxSimulator.ListType;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract on the tax bureau's shipped instance, fed by its simulator (GBK CSV black lists). */
class TaxConnectorContractTest extends SourceConnectorContractTest<FileDropConnector> {

    @TempDir
    Path dropDir;

    @Override
    protected FileDropConnector newConnector(Map<String, Object> properties) {
        return new FileDropConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() {
        return ShippedConfig.forTest(dropDir);
    }

    @Override
    protected ConfigDef configDef() {
        return FileDropSettings.DEF;
    }

    @Override
    protected Path shippedConfig() {
        return ShippedConfig.FILE;
    }

    @Override
    protected SourceDriver driver() {
        TaxSimulator sim = new TaxSimulator(dropDir);
        return new SourceDriver() {
            private DataFile last;

            @Override
            public void offerValid(int first, int count) {
                last = sim.render(ListType.BLACK, Format.CSV_GBK, first, count, Set.of());
                sim.drop(last);
            }

            @Override
            public void offerAgain() {
                sim.drop(sim.again(last));
            }

            @Override
            public String offerInvalid() {
                sim.drop(ListType.RED, Format.CSV_UTF8, 900, 1, Set.of(900));
                return TaxSimulator.BAD_FIELD;
            }
        };
    }
}
