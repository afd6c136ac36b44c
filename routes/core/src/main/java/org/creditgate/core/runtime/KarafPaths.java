package org.creditgate.core.runtime;

import java.nio.file.Path;

/** Where Karaf keeps its configuration and data; falls back to ./etc and ./data outside Karaf (tests, tools). */
final class KarafPaths {

    private KarafPaths() {
    }

    static Path data() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }

    static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }
}
