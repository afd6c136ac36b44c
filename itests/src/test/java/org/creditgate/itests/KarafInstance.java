package org.creditgate.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.creditgate.bench.e2e.KarafProcess;

/**
 * One CreditGate distribution, copied from the build's unpacked tar.gz into its own folder with free loopback
 * ports, run as a separate process ({@code bin/karaf server}). Tests drive it like an operator would: HTTP,
 * {@code bin/client}, {@code bin/stop}, {@code kill -9}.
 */
final class KarafInstance implements AutoCloseable {

    static final String DEMO_TOKEN = "demo-token";

    final Path home;
    final int httpPort;
    final int sshPort;
    final int amqpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private KarafInstance(Path home, int httpPort, int sshPort, int amqpPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.amqpPort = amqpPort;
    }

    /** A fresh copy of the distribution under target/runs/{name}, with every listening port moved to a free one. */
    static KarafInstance fresh(String name) throws IOException {
        return withFreePorts(copy(Path.of(System.getProperty("creditgate.distribution")), name));
    }

    /**
     * A stock Apache Karaf 4.4 (not our distribution), prepared as an operator would before feature:install: the
     * users file (stock Karaf ships it empty), loopback ports, and a Maven resolver that reads the artifacts this
     * build produced (the distribution's system/ folder) instead of the network.
     */
    static KarafInstance stock(String name) throws IOException {
        Path distEtc = Path.of(System.getProperty("creditgate.distribution")).resolve("etc");
        Path home = copy(Path.of(System.getProperty("creditgate.stockKaraf")), name);
        Path etc = home.resolve("etc");
        for (String f : new String[] {"users.properties", "org.apache.karaf.shell.cfg", "org.apache.karaf.management.cfg",
            "org.ops4j.pax.web.cfg", "broker.xml", "hazelcast.xml", "org.creditgate.core.cfg"}) {
            Files.copy(distEtc.resolve(f), etc.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String system = Path.of(System.getProperty("creditgate.distribution")).resolve("system").toUri().toString();
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"),
                "org.ops4j.pax.url.mvn.useFallbackRepositories=false\n"
                + "org.ops4j.pax.url.mvn.defaultRepositories=" + system + "@id=creditgate@snapshots, "
                + "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots\n"
                + "org.ops4j.pax.url.mvn.repositories=\n", StandardCharsets.UTF_8);
        return withFreePorts(home);
    }

    private static Path copy(Path source, String name) throws IOException {
        Path home = Path.of(System.getProperty("creditgate.runs")).resolve(name);
        KarafProcess.deleteTree(home);
        KarafProcess.copyTree(source, home);
        try (Stream<Path> bins = Files.list(home.resolve("bin"))) {
            bins.forEach(p -> p.toFile().setExecutable(true));
        }
        return home;
    }

    private static KarafInstance withFreePorts(Path home) throws IOException {
        int[] ports = KarafProcess.freePorts(6);
        KarafInstance k = new KarafInstance(home, ports[0], ports[1], ports[2]);
        Path etc = home.resolve("etc");
        k.rewrite(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + k.httpPort);
        k.rewrite(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + k.sshPort);
        k.rewrite(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = " + ports[3]);
        k.rewrite(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = " + ports[4]);
        k.rewrite(etc.resolve("broker.xml"), "tcp://127.0.0.1:5672", "tcp://127.0.0.1:" + k.amqpPort);
        k.rewrite(etc.resolve("org.creditgate.core.cfg"), "amqp://127.0.0.1:5672", "amqp://127.0.0.1:" + k.amqpPort);
        k.rewrite(etc.resolve("hazelcast.xml"), ">5701<", ">" + ports[5] + "<");
        k.pushWindows(Map.of());
        return k;
    }

    /**
     * Replaces the push windows of the shipped routing table (province nightly, national hourly) — tests deliver at
     * once unless they ask for windows: {@code schedules} maps an upstream to its {@code <id>.*} schedule keys
     * (without the id), e.g. {@code "province" → "schedule = 0 3 * * *\nwindow = 1h"}; others get
     * {@code always}. Written atomically, so it also reconfigures a running gateway.
     */
    void pushWindows(Map<String, String> schedules) throws IOException {
        Path file = home.resolve("etc/org.creditgate.routing.cfg");
        if (!Files.exists(file)) {
            return; // a stock Karaf before CreditGate's features are installed
        }
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.matches("^[a-z0-9]+\\.(schedule|window|days|realtime)\\s*=.*")) {
                out.append(line).append('\n');
            }
        }
        for (String upstream : List.of("province", "national", "creditchina", "gsxt")) {
            String keys = schedules.getOrDefault(upstream, "schedule = always");
            for (String kv : keys.split("\n")) {
                out.append(upstream).append('.').append(kv.strip()).append('\n');
            }
        }
        writeEtc("org.creditgate.routing.cfg", out.toString());
    }

    /** Replaces text in a file of etc/ (before start, or live for files FileInstall watches). */
    void editEtc(String name, String from, String to) throws IOException {
        rewrite(home.resolve("etc").resolve(name), from, to);
    }

    private void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains \"" + from + "\": update the test setup");
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Starts {@code bin/karaf server}; the process is the JVM itself (KARAF_EXEC=exec), so kill -9 hits Karaf. */
    KarafInstance start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("KARAF_EXEC", "exec");
        pb.environment().put("CREDITGATE_HEAP", "768m");
        process = pb.start();
        return this;
    }

    /** Waits until GET /api/v1/health answers 200; returns how long that took. */
    Duration awaitHealthy(Duration atMost) {
        long t0 = System.nanoTime();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("Karaf process exited", () -> !process.isAlive())
                .until(() -> get("/health", null).statusCode() == 200);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request as the operator karaf/karaf (Karaf JAAS, role admin). */
    HttpResponse<String> operator(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("karaf:karaf".getBytes(StandardCharsets.UTF_8)))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An operator's view of one connector ({@code GET /connectors/{id}}), or a missing node when there is none. */
    com.fasterxml.jackson.databind.JsonNode connector(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = operator("GET", "/connectors/" + id, null);
        return r.statusCode() == 200 ? Samples.JSON.readTree(r.body())
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Each upstream's delivery of a record, as its department sees it ({@code GET /records/{id}}): upstream → state. */
    Map<String, String> deliveryStates(String recordId, String departmentToken) throws IOException, InterruptedException {
        Map<String, String> states = new java.util.TreeMap<>();
        for (com.fasterxml.jackson.databind.JsonNode d : Samples.JSON.readTree(get("/records/" + recordId,
                departmentToken).body()).path("deliveries")) {
            states.put(d.path("upstream").asText(), d.path("state").asText());
        }
        return states;
    }

    /** One upstream's delivery of a record as its department sees it, or a missing node. */
    com.fasterxml.jackson.databind.JsonNode delivery(String recordId, String upstream, String departmentToken)
            throws IOException, InterruptedException {
        for (com.fasterxml.jackson.databind.JsonNode d : Samples.JSON.readTree(get("/records/" + recordId,
                departmentToken).body()).path("deliveries")) {
            if (d.path("upstream").asText().equals(upstream)) {
                return d;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Record versions of a department in the ledger (all states), as the connector view reports them. */
    long ledgerVersions(String connectorId) throws IOException, InterruptedException {
        long n = 0;
        for (com.fasterxml.jackson.databind.JsonNode count : connector(connectorId).path("ledger")) {
            n += count.asLong();
        }
        return n;
    }

    /** Installs a feature over the console and fails with the console's answer if Karaf reports an error. */
    void installFeature(String feature) throws IOException, InterruptedException {
        String out = client("feature:install " + feature);
        if (out.contains("Error")) {
            throw new IllegalStateException("feature:install " + feature + ": " + out);
        }
    }

    /** Writes (or replaces) a file under etc/, e.g. a connector's configuration. */
    void writeEtc(String name, String content) throws IOException {
        Path tmp = home.resolve("etc").resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        // FileInstall must never see a half-written file
        Files.move(tmp, home.resolve("etc").resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    URI api(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/v1" + path);
    }

    /** Runs one console command through {@code bin/client} (SSH) and returns what it printed. */
    String client(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", "karaf", "-p", "karaf", "-r", "10", "-b")
                .directory(home.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    /** {@code kill -9} of the Karaf JVM: no shutdown hooks, no flushing. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The documented stop ({@code bin/stop}); returns the JVM's exit code once it has gone. */
    int stop(Duration atMost) throws IOException, InterruptedException {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        stop.getInputStream().readAllBytes();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Karaf did not stop within " + atMost);
        }
        return process.exitValue();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (isRunning()) {
            kill9();
        }
    }
}
