package org.creditgate.connector.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The shipped example configuration, pointed at a test database: what Config Admin would pass the connector. */
final class ExampleConfig {

    static final Path SHIPPED = Path.of("src/main/cfg/org.creditgate.connector.table-example.cfg");

    private ExampleConfig() {
    }

    static Map<String, Object> properties(String jdbcUrl) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> out = new HashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        out.put("jdbc.url", jdbcUrl);
        out.put("jdbc.user", "sa");
        out.put("jdbc.password", ExampleTable.PASSWORD);
        out.put("poll.period", "200ms");
        out.put("poll.initialDelay", "0s");
        out.put("service.pid", "org.creditgate.connector.table.4f3a");
        return out;
    }
}
