package org.creditgate.connector.file;

import org.creditgate.spi.ConnectorDescriptor;

/** Every endpoint URI and route/node id of one file-drop instance, built in one place. */
final class FileDropUris {

    private final String id;
    private final String prefix;
    private final long pollMillis;

    FileDropUris(ConnectorDescriptor descriptor, FileDropSettings settings) {
        this.id = descriptor.id();
        this.prefix = descriptor.routePrefix();
        this.pollMillis = settings.pollInterval().toMillis();
    }

    /** Fixed delay, so a scan never overlaps the previous one even when a large file takes longer than the delay. */
    String scan() {
        return "scheduler:" + id + "?delay=" + pollMillis + "&initialDelay=" + Math.min(pollMillis, 1000)
                + "&useFixedDelay=true";
    }

    String file() {
        return "direct:" + id + ".file";
    }

    String id(String role) {
        return prefix + role;
    }
}
