package org.creditgate.connector.ecology;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.creditgate.ledger.testing.EmbeddedPostgresServer;

/**
 * The shipped sthjj configuration as Config Admin passes it (read as UTF-8, as the distribution's
 * felix.fileinstall.configEncoding does), pointed at a test database and polling quickly.
 */
final class EcologyConfig {

    static final Path SHIPPED = Path.of("src/main/cfg/org.creditgate.connector.table-sthjj.cfg");
    /** Embedded PostgreSQL trusts local connections; a value is still set to prove it is masked. */
    static final String PASSWORD = "not-needed-with-trust-auth";

    private EcologyConfig() {
    }

    static Map<String, Object> shipped() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new HashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    static Map<String, Object> forTest(String jdbcUrl) {
        Map<String, Object> out = shipped();
        out.put("jdbc.url", jdbcUrl);
        out.put("jdbc.user", EmbeddedPostgresServer.USER);
        out.put("jdbc.password", PASSWORD);
        out.put("poll.period", "200ms");
        out.put("poll.initialDelay", "0s");
        out.put("poll.pageSize", "5");
        out.put("service.pid", "org.creditgate.connector.table.7c1e");
        return out;
    }
}
