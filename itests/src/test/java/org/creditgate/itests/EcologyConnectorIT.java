package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.creditgate.connector.ecology.sim.EcologySimulator;
import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The ecology reference connector installed into a running distribution, polling the bureau's exchange table in a
 * real PostgreSQL: rows land in the ledger, outcomes are written back to the status columns (the bad row with its
 * column named), and a kill -9 in the middle of a poll neither loses nor doubles a row.
 */
class EcologyConnectorIT {

    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();

    @Test
    void exchangeTableRowsMoveIntoTheLedgerAcrossACrash() throws Exception {
        String url = postgres.createDatabase("exchange");
        EcologySimulator bureau = EcologySimulator.connect(url, EmbeddedPostgresServer.USER, "");
        bureau.createTable();
        bureau.installUpdateTimeTrigger();
        for (long id = 1; id <= 10; id++) {
            bureau.insertPenalty(id);
        }
        String badColumn = bureau.insertBad(11, EcologySimulator.Fault.BAD_USCC);

        karaf = KarafInstance.fresh("ecology").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.installFeature("creditgate-connector-ecology");
        Path cfg = karaf.home.resolve("etc/org.creditgate.connector.table-sthjj.cfg");
        await().atMost(PROCESSED).until(() -> Files.exists(cfg));
        String shipped = Files.readString(cfg);
        karaf.writeEtc(cfg.getFileName().toString(), shipped
                .replaceAll("(?m)^jdbc\\.url = .*$", "jdbc.url = " + url)
                .replaceAll("(?m)^jdbc\\.user = .*$", "jdbc.user = " + EmbeddedPostgresServer.USER)
                .replaceAll("(?m)^jdbc\\.password = .*$", "jdbc.password = unused-trust-auth")
                + "\npoll.period = 1s\npoll.initialDelay = 1s\npoll.pageSize = 4\n");

        await().atMost(PROCESSED).until(() -> bureau.processedIds().size() == 11);
        assertThat(karaf.ledgerVersions("table-sthjj")).isEqualTo(10);
        Optional<EcologySimulator.RowStatus> bad = bureau.status(11);
        assertThat(bad).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo("REJECTED");
            assertThat(s.errors()).contains(badColumn);
        });
        assertThat(bureau.status(1)).get().extracting(EcologySimulator.RowStatus::status).isEqualTo("ACCEPTED");

        // twenty more rows; the gateway dies while it polls them
        for (long id = 100; id < 120; id++) {
            bureau.insertPenalty(id);
        }
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("table-sthjj") > 10);
        karaf.kill9();
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        await().atMost(PROCESSED).until(() -> bureau.processedIds().size() == 31);
        assertThat(karaf.ledgerVersions("table-sthjj")).as("each row stored once").isEqualTo(30);
        // the watermark moves just after the page's write-back committed: wait for it rather than race it
        await().atMost(PROCESSED).untilAsserted(() -> assertThat(karaf.connector("table-sthjj").path("watermark")
                .asText()).endsWith("|119"));
    }
}
