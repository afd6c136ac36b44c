package org.creditgate.core.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The disk under the embedded broker's journal. Artemis blocks every producer once that disk is more than
 * max-disk-usage percent full (broker.xml): ingest then answers 503 after its confirm timeout and nothing moves, while
 * every route still looks started — exactly the "UP but nothing moves" this health exists to catch. DOWN from that
 * point, DEGRADED within {@link #WARN_POINTS} percentage points of it.
 */
public final class BrokerDisk {

    public static final String COMPONENT = "disk";
    static final int WARN_POINTS = 5;

    private final Path dir;
    private final int maxUsagePercent;

    /** {@code maxUsagePercent} as broker.xml's max-disk-usage; 0 or less: not checked (an external broker). */
    public BrokerDisk(Path dir, int maxUsagePercent) {
        this.dir = dir;
        this.maxUsagePercent = maxUsagePercent;
    }

    public boolean enabled() {
        return maxUsagePercent > 0;
    }

    public ComponentHealth check() {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return ComponentHealth.up(COMPONENT, "no data directory yet: " + dir);
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return of(store.getTotalSpace(), store.getUsableSpace(), maxUsagePercent, dir.toString());
        } catch (IOException e) {
            return new ComponentHealth(COMPONENT, ComponentHealth.State.DEGRADED, "cannot read the disk usage of "
                    + dir + ": " + e.getMessage());
        }
    }

    /** Usage as Artemis computes it: (total − usable) / total. */
    static ComponentHealth of(long total, long usable, int maxPercent, String where) {
        if (total <= 0) {
            return ComponentHealth.up(COMPONENT, "disk size unknown at " + where);
        }
        double used = 100.0 * (total - usable) / total;
        String figures = String.format(java.util.Locale.ROOT, "%.1f %% used, %s free at %s", used, bytes(usable), where);
        if (used >= maxPercent) {
            return ComponentHealth.down(COMPONENT, "the broker blocks producers: " + figures + " (max-disk-usage "
                    + maxPercent + " % in broker.xml) — free disk space; ingest answers 503 until then");
        }
        if (used >= maxPercent - WARN_POINTS) {
            return new ComponentHealth(COMPONENT, ComponentHealth.State.DEGRADED, figures + "; the broker blocks "
                    + "producers at " + maxPercent + " %");
        }
        return ComponentHealth.up(COMPONENT, figures);
    }

    private static String bytes(long n) {
        return n >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", n / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%d MiB", n >> 20);
    }
}
