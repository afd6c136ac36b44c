package org.creditgate.core.runtime;

import java.nio.file.Path;

/** Where Karaf keeps its configuration; falls back to ./etc outside Karaf (tests, tools). */
final class KarafPaths {

    private KarafPaths() {
    }

    static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }
}
