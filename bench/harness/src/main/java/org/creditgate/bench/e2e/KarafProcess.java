package org.creditgate.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh copy of the built distribution with every listening port moved to a free loopback port, run as a separate
 * {@code bin/karaf server} process (the JVM itself: {@code KARAF_EXEC=exec}, so {@link #pid()} is Karaf's JVM).
 * The same idea as the integration tests' launcher, kept separate so the benchmark does not depend on test classes.
 * {@link #kill9()} and {@link #restart()} are the chaos run's crash and recovery.
 */
public final class KarafProcess implements AutoCloseable {

    public final Path home;
    public final int httpPort;
    public final int sshPort;
    public final int amqpPort;
    public final int jmxRegistryPort;
    public final int jmxServerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private String heap = "1g";

    private KarafProcess(Path home, int[] ports) {
        this.home = home;
        this.httpPort = ports[0];
        this.sshPort = ports[1];
        this.amqpPort = ports[2];
        this.jmxRegistryPort = ports[3];
        this.jmxServerPort = ports[4];
    }

    /** Copies {@code distribution} to {@code home} (replacing what was there) and moves every port to a free one. */
    public static KarafProcess fresh(Path distribution, Path home) throws IOException {
        if (!Files.isRegularFile(distribution.resolve("bin/karaf"))) {
            throw new IllegalStateException("no distribution at " + distribution
                    + " (build it: mvn -Pbench -pl bench -am install -DskipTests)");
        }
        deleteTree(home);
        copyTree(distribution, home);
        try (Stream<Path> bins = Files.list(home.resolve("bin"))) {
            bins.forEach(p -> p.toFile().setExecutable(true));
        }
        int[] ports = freePorts(6);
        KarafProcess k = new KarafProcess(home, ports);
        Path etc = home.resolve("etc");
        rewrite(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + k.httpPort);
        rewrite(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + k.sshPort);
        rewrite(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099",
                "rmiRegistryPort = " + k.jmxRegistryPort);
        rewrite(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort = 44444",
                "rmiServerPort = " + k.jmxServerPort);
        rewrite(etc.resolve("broker.xml"), "tcp://127.0.0.1:5672", "tcp://127.0.0.1:" + k.amqpPort);
        rewrite(etc.resolve("org.creditgate.core.cfg"), "amqp://127.0.0.1:5672", "amqp://127.0.0.1:" + k.amqpPort);
        rewrite(etc.resolve("hazelcast.xml"), ">5701<", ">" + ports[5] + "<");
        return k;
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains \"" + from + "\": update the benchmark launcher");
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Starts {@code bin/karaf server} with the given heap ({@code CREDITGATE_HEAP}, e.g. 1g). */
    public KarafProcess start(String heap) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("KARAF_EXEC", "exec");
        pb.environment().put("CREDITGATE_HEAP", heap);
        this.heap = heap;
        process = pb.start();
        return this;
    }

    /** Starts the same home again (same ports, same data/), with the heap of the previous start. */
    public KarafProcess restart() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException("Karaf is still running (pid " + pid() + ")");
        }
        return start(heap);
    }

    /** {@code kill -9} of the Karaf JVM (SIGKILL: no shutdown hooks, no flushing); returns once it has gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Karaf (pid " + process.pid() + ") still alive 30 s after SIGKILL");
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until GET /api/v1/health answers 200; returns how long that took. */
    public Duration awaitHealthy(Duration atMost) throws InterruptedException {
        long t0 = System.nanoTime();
        long end = t0 + atMost.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited during start; see " + home.resolve("console.log"));
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy after " + atMost + "; see " + home.resolve("data/log/karaf.log"));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    /** GET with a department's bearer token (null: none). */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET as the operator karaf/karaf (HTTP Basic; the operator API: /connectors, /dlq …). */
    public HttpResponse<String> operatorGet(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30)).GET()
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("karaf:karaf".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/v1" + path);
    }

    public String jmxUrl() {
        return "service:jmx:rmi://127.0.0.1:" + jmxServerPort + "/jndi/rmi://127.0.0.1:" + jmxRegistryPort
                + "/karaf-root";
    }

    /** Writes (or replaces) a file under etc/ atomically: FileInstall never sees half a file. */
    public void writeEtc(String name, String content) throws IOException {
        Path tmp = home.resolve("etc").resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve("etc").resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Installs features over the console; fails with the console's answer if Karaf reports an error. */
    public void installFeatures(List<String> features) throws IOException, InterruptedException {
        String out = client("feature:install " + String.join(" ", features));
        if (out.contains("Error")) {
            throw new IllegalStateException("feature:install " + features + ": " + out);
        }
    }

    /** Runs one console command through {@code bin/client} (SSH) and returns what it printed. */
    public String client(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", "karaf", "-p", "karaf", "-r", "10", "-b")
                .directory(home.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    /** The documented stop ({@code bin/stop}), then kill -9 if the JVM is still there after {@code atMost}. */
    public void stop(Duration atMost) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        stop.getInputStream().readAllBytes();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop(Duration.ofSeconds(60));
    }

    /** Free loopback ports below the kernel's ephemeral range, all held until every one is picked. */
    public static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int candidate = 20000 + new Random().nextInt(10000);
            while (held.size() < n && candidate < 32768) {
                try {
                    held.add(new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    // in use: try the next one
                }
                candidate++;
            }
            if (held.size() < n) {
                throw new IOException("no " + n + " free loopback ports between 20000 and 32767");
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
