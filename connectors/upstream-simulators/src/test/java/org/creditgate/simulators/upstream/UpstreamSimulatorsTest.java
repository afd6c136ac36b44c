package org.creditgate.simulators.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.creditgate.simulators.upstream.core.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamSimulatorsTest {

    @TempDir
    Path dir;

    @Test
    void runsAllFourWithTheirAdminEndpoints() {
        try (UpstreamSimulators all = UpstreamSimulators.start(Map.of("province", "0", "national", "0",
                "national-admin", "0", "creditchina", "0", "gsxt-admin", "0", "gsxt-dir", dir.toString()))) {
            assertThat(TestHttp.get(all.province().baseUrl() + "/admin/state").body().path("upstream").asText())
                    .isEqualTo("province");
            assertThat(TestHttp.get(all.national().adminUrl() + "/admin/state").body().path("upstream").asText())
                    .isEqualTo("national");
            assertThat(TestHttp.get(all.creditChina().baseUrl() + "/admin/state").body().path("upstream").asText())
                    .isEqualTo("creditchina");
            assertThat(TestHttp.get(all.gsxt().adminUrl() + "/admin/state").body().path("upstream").asText())
                    .isEqualTo("gsxt");
            assertThat(all.gsxt().exchangeDir()).isEqualTo(dir.resolve("exchange")).isDirectory();
            assertThat(all.describe()).contains("province", "national", "creditchina", "gsxt").hasLineCount(4);
        }
    }
}
