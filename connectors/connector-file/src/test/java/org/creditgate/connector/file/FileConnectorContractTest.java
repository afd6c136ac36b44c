package org.creditgate.connector.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.testkit.SourceConnectorContractTest;
import org.creditgate.testkit.SourceDriver;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract, run on the example instance's layout "list" (canonical headers). */
class FileConnectorContractTest extends SourceConnectorContractTest<FileDropConnector> {

    @TempDir
    Path dropDir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected FileDropConnector newConnector(Map<String, Object> properties) {
        return new FileDropConnector(properties);
    }

    @Override
    protected Map<String, Object> validProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "org.creditgate.connector.file.4f1c");
        p.put("department", "example");
        p.put("dir", dropDir.toString());
        p.put("pollInterval", "100ms");
        p.put("batchSize", "7");
        p.put("layout.list.files", "list_*.csv");
        p.put("layout.list.const.dataset", "LIST");
        return p;
    }

    @Override
    protected ConfigDef configDef() {
        return FileDropSettings.DEF;
    }

    @Override
    protected Path shippedConfig() {
        return Path.of("src/main/cfg/org.creditgate.connector.file-example.cfg");
    }

    @Override
    protected SourceDriver driver() {
        return new SourceDriver() {
            private List<List<String>> last;

            @Override
            public void offerValid(int first, int count) {
                last = Drops.rows(first, count);
                Drops.dropCsv(dropDir, "list_" + files.incrementAndGet() + ".csv", last, StandardCharsets.UTF_8);
            }

            @Override
            public void offerAgain() {
                Drops.dropCsv(dropDir, "list_" + files.incrementAndGet() + ".csv", last, StandardCharsets.UTF_8);
            }

            @Override
            public String offerInvalid() {
                List<String> row = new java.util.ArrayList<>(Drops.row(900));
                row.set(Drops.COLUMNS.indexOf("uscc"), "91350100M000100Y4Z");
                Drops.dropCsv(dropDir, "list_" + files.incrementAndGet() + ".csv", List.of(row),
                        StandardCharsets.UTF_8);
                return "uscc";
            }
        };
    }
}
