package org.creditgate.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerDiskTest {

    private static final long GIB = 1L << 30;

    @Test
    void downWhereTheBrokerBlocksProducersDegradedJustBefore() {
        assertThat(BrokerDisk.of(100 * GIB, 50 * GIB, 90, "data/artemis").state()).isEqualTo(ComponentHealth.State.UP);
        assertThat(BrokerDisk.of(100 * GIB, 15 * GIB + 1, 90, "data/artemis").state())
                .isEqualTo(ComponentHealth.State.UP);
        ComponentHealth warn = BrokerDisk.of(100 * GIB, 15 * GIB, 90, "data/artemis");
        assertThat(warn.state()).isEqualTo(ComponentHealth.State.DEGRADED);
        assertThat(warn.detail()).contains("85.0 % used", "15.0 GiB free", "blocks producers at 90 %");
        ComponentHealth full = BrokerDisk.of(100 * GIB, 10 * GIB, 90, "data/artemis");
        assertThat(full.state()).isEqualTo(ComponentHealth.State.DOWN);
        assertThat(full.detail()).contains("the broker blocks producers", "90.0 % used", "max-disk-usage 90 %",
                "data/artemis", "503");
    }

    /** A filling disk is a warning, not an outage: the gateway stays ready; a full one stops it being ready. */
    @Test
    void aDegradedDiskLeavesTheGatewayReadyAFullOneDoesNot() {
        ComponentHealth ledger = ComponentHealth.up("ledger", "database answers");
        HealthReport warn = HealthReport.of(List.of(ledger, BrokerDisk.of(100, 12, 90, "d")));
        assertThat(warn.status()).isEqualTo(ComponentHealth.State.DEGRADED);
        assertThat(warn.isReady()).isTrue();
        HealthReport full = HealthReport.of(List.of(ledger, BrokerDisk.of(100, 5, 90, "d")));
        assertThat(full.status()).isEqualTo(ComponentHealth.State.DOWN);
        assertThat(full.isReady()).isFalse();
    }

    @Test
    void readsTheRealDiskOfTheNearestExistingDirectory(@TempDir Path dir) {
        BrokerDisk disk = new BrokerDisk(dir.resolve("artemis/journal"), 100);
        assertThat(disk.enabled()).isTrue();
        ComponentHealth h = disk.check();
        assertThat(h.component()).isEqualTo("disk");
        assertThat(h.detail()).contains("% used", "free at", "artemis");
        assertThat(new BrokerDisk(dir, 0).enabled()).isFalse();
    }
}
