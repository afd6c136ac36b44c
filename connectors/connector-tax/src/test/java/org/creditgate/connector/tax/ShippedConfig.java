package org.creditgate.connector.tax;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The shipped file-swj.cfg as Config Admin passes it, with the drop directory and scan interval of a test. */
final class ShippedConfig {

    static final Path FILE = Path.of("src/main/cfg/org.creditgate.connector.file-swj.cfg");

    private ShippedConfig() {
    }

    static Map<String, Object> forTest(Path dropDir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> props = new HashMap<>();
        p.forEach((k, v) -> props.put((String) k, v));
        props.put("service.pid", "org.creditgate.connector.file.9b1d");
        props.put("felix.fileinstall.filename", "file:/opt/karaf/etc/org.creditgate.connector.file-swj.cfg");
        props.put("dir", dropDir.toString());
        props.put("pollInterval", "100ms");
        return props;
    }
}
