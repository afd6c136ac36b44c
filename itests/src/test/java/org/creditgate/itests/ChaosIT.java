package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.creditgate.bench.ChaosRun;
import org.junit.jupiter.api.Test;

/**
 * The chaos run, CI-sized (bench/README.md has the full ~5-minute command): about 60 s of load from the REST and the
 * file department while the Karaf JVM is killed with SIGKILL and restarted at least twice, one upstream is taken down
 * and up and receipts are slowed; then every accepted record must be held exactly once by every upstream it is
 * routed to, and the ledger must show each delivery ACCEPTED.
 */
class ChaosIT {

    @Test
    void nothingAcceptedIsLostOrDuplicatedAcrossKill9Restarts() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("distribution", System.getProperty("creditgate.distribution"));
        options.put("home", Path.of(System.getProperty("creditgate.runs")).resolve("chaos").toString());
        options.put("seconds", "60");
        options.put("min-kills", "2");
        options.put("up-min", "3");
        options.put("up-max", "10");
        options.put("outage-every", "20");
        options.put("outage-seconds", "8");
        options.put("slow-seconds", "8");
        options.put("file-every-ms", "5000");
        options.put("drain-timeout", "120");
        options.put("ledger-timeout", "60");
        options.put("settle-seconds", "5");
        ChaosRun.Result r = ChaosRun.run(options, System.out);

        assertThat(r.kills()).as("kill -9 restarts").isGreaterThanOrEqualTo(2);
        assertThat(r.acceptedTotal()).as("records accepted").isPositive();
        assertThat(r.lost()).as("lost records").isZero();
        assertThat(r.duplicated()).as("duplicated records").isZero();
        assertThat(r.problems()).as("problems").isEmpty();
    }
}
