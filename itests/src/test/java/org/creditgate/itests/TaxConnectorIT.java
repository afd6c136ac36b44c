package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.connector.tax.sim.TaxSimulator;
import org.creditgate.connector.tax.sim.TaxSimulator.Format;
import org.creditgate.connector.tax.sim.TaxSimulator.ListType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The tax reference connector installed into a running distribution: red and black list files (GBK CSV, XLSX)
 * dropped with manifests end in done/ with a result file; a bad row is a rejection naming its field; a file
 * caught by a kill -9 is processed after the restart, and dropping it again adds nothing.
 */
class TaxConnectorIT {

    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;

    @Test
    void droppedFilesMoveIntoTheLedgerAcrossACrash() throws Exception {
        karaf = KarafInstance.fresh("tax").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.installFeature("creditgate-connector-tax");
        Path cfg = karaf.home.resolve("etc/org.creditgate.connector.file-swj.cfg");
        await().atMost(PROCESSED).until(() -> Files.exists(cfg));
        karaf.writeEtc(cfg.getFileName().toString(), Files.readString(cfg) + "\npollInterval = 1s\n");
        Path drop = karaf.home.resolve("data/drop/swj");
        TaxSimulator bureau = new TaxSimulator(drop);

        bureau.drop(ListType.RED, Format.CSV_GBK, 1, 10, Set.of(3));
        bureau.drop(ListType.BLACK, Format.XLSX, 100, 5);
        await().atMost(PROCESSED).until(() -> results(drop.resolve("done")) == 2);
        assertThat(karaf.ledgerVersions("file-swj")).isEqualTo(14);
        JsonNode rejections = Samples.JSON.readTree(karaf.get("/rejections", "swj-demo-token").body());
        assertThat(rejections.path("rejections")).singleElement().satisfies(r -> assertThat(r.toString())
                .contains("\"field\":\"" + TaxSimulator.BAD_FIELD + "\""));

        TaxSimulator.DataFile big = bureau.render(ListType.RED, Format.CSV_UTF8, 1000, 300, Set.of());
        bureau.drop(big);
        await().atMost(PROCESSED).until(() -> karaf.ledgerVersions("file-swj") > 14);
        karaf.kill9();
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        await().atMost(PROCESSED).until(() -> results(drop.resolve("done")) == 3);
        assertThat(karaf.ledgerVersions("file-swj")).as("every row of the interrupted file, once").isEqualTo(314);

        bureau.drop(bureau.again(big));
        await().atMost(PROCESSED).until(() -> results(drop.resolve("done")) == 4);
        assertThat(karaf.ledgerVersions("file-swj")).as("a re-dropped file adds nothing").isEqualTo(314);
        try (Stream<Path> inbox = Files.list(drop)) {
            assertThat(inbox.filter(Files::isRegularFile)).as("inbox empty").isEmpty();
        }
    }

    private static long results(Path done) throws Exception {
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".result.json")).count();
        }
    }
}
