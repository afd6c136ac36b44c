package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.creditgate.model.samples.SampleRecords;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The README's "add a department connector" commands, run as written: generate a connector from the archetype,
 * build it (its contract test runs), drop it into a running distribution, and see it ingest.
 */
class ArchetypeIT {

    @AutoClose
    private KarafInstance karaf;

    @Test
    void aGeneratedConnectorBuildsDeploysAndIngests() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("creditgate.runs"), "generated"));
        deleteTree(work.resolve("connector-housing"));
        mvn(work, "archetype:generate", "-DarchetypeGroupId=org.creditgate",
                "-DarchetypeArtifactId=creditgate-connector-archetype",
                "-DarchetypeVersion=" + System.getProperty("creditgate.version"),
                "-DgroupId=org.example.credit", "-DartifactId=connector-housing", "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=org.example.credit.housing", "-Dtype=housing", "-Ddepartment=zjj", "-DinteractiveMode=false");
        Path module = work.resolve("connector-housing");
        assertThat(module.resolve("README.md")).exists();
        String build = mvn(module, "install");
        assertThat(build).contains("Tests run: 9, Failures: 0, Errors: 0");

        karaf = KarafInstance.fresh("archetype").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.writeEtc("org.creditgate.connector.housing-zjj.cfg", Files.readString(
                module.resolve("src/main/cfg/org.creditgate.connector.housing-zjj.cfg")) + "\npollPeriod = 1s\n");
        Files.copy(module.resolve("target/connector-housing-1.0.0-SNAPSHOT.jar"),
                karaf.home.resolve("deploy/connector-housing-1.0.0-SNAPSHOT.jar"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "RUNNING".equals(karaf.connector("housing-zjj").path("state").asText()));

        Path inbox = karaf.home.resolve("data/inbox/housing-zjj");
        Files.createDirectories(inbox);
        Path tmp = Files.writeString(inbox.resolve("first.tmp"), "[" + SampleRecords.penalty("榕住建罚〔2026〕1号")
                + "," + SampleRecords.penalty("榕住建罚〔2026〕2号") + "]", StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve("first.json"));
        // the file moves to done/ only once its records are durable
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done/first.json")));
        assertThat(karaf.ledgerVersions("housing-zjj")).isEqualTo(2);
    }

    /** Runs the same Maven as the build, with the same local repository; fails with its output. */
    private static String mvn(Path dir, String... args) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        List<String> cmd = new ArrayList<>();
        cmd.add(home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        cmd.add("-B");
        cmd.add("-ntp");
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("mvn " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
