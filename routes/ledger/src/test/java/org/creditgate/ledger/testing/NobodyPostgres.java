package org.creditgate.ledger.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL run as user nobody, for a build that runs as root. Everything lives in one fresh directory under /tmp
 * (not in the repository, which nobody cannot reach under /root): the binaries extracted from the zonky archive,
 * the data directory, the socket and the log. It is owned by nobody and removed on {@link #stop()}.
 */
final class NobodyPostgres implements EmbeddedPostgresServer.Backend {

    private static final int PORT_ATTEMPTS = 3;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path base;
    private final Path bin;
    private final Path data;
    private final Path log;
    private final List<String> asNobody;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
    private int port;
    private boolean stopped;

    private NobodyPostgres(Path base, List<String> asNobody) {
        this.base = base;
        this.bin = base.resolve("pg/bin");
        this.data = base.resolve("data");
        this.log = base.resolve("postgres.log");
        this.asNobody = asNobody;
    }

    static NobodyPostgres start() throws IOException, InterruptedException {
        List<String> asNobody = OsUser.asNobody();
        // /tmp explicitly: java.io.tmpdir may point into a directory nobody cannot traverse
        Path base = Files.createTempDirectory(Path.of("/tmp"), "creditgate-pg-");
        NobodyPostgres pg = new NobodyPostgres(base, asNobody);
        try {
            pg.init();
            pg.startOnAFreePort();
            Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
            return pg;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.stopQuietly();
            throw e;
        }
    }

    private void init() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        ZonkyArchive.extractTo(base.resolve("pg"));
        Files.createDirectories(data);
        // PostgreSQL insists on a data directory only its owner can enter
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        chownTreeToNobody();
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", EmbeddedPostgresServer.USER, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
    }

    /** The free port may be taken between probing and binding (parallel builds): then try another. */
    private void startOnAFreePort() throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            port = freePort();
            try {
                // -F: no fsync, test data need not survive a power cut
                run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                        "-o", "-p " + port + " -c listen_addresses=" + EmbeddedPostgresServer.HOST + " -k " + base
                                + " -F", "start");
                return;
            } catch (IllegalStateException e) {
                if (attempt == PORT_ATTEMPTS || !Files.readString(log).contains("could not bind")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path dataDirectory() {
        return data;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not stop PostgreSQL in " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL in " + data, e);
        } finally {
            TestDirectories.delete(base);
            removeShutdownHook();
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("[embedded-postgres] " + e.getMessage());
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // stop() is running from the hook itself
        }
    }

    /** Runs a PostgreSQL tool as nobody; its output goes to a file so a chatty or hanging tool cannot block us. */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asNobody);
        full.addAll(List.of(command));
        Path out = Files.createTempFile(base, "cmd-", ".out");
        ProcessBuilder pb = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        // PGPORT, PGDATA … of the caller's shell must not redirect the tools to another server
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process p = pb.start();
        boolean done = p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        if (!done || p.exitValue() != 0) {
            String serverLog = Files.exists(log) ? Files.readString(log) : "";
            throw new IllegalStateException((done ? "exit " + p.exitValue() : "timed out") + ": "
                    + String.join(" ", full) + "\n" + Files.readString(out) + serverLog);
        }
        Files.delete(out);
    }

    private void chownTreeToNobody() throws IOException {
        UserPrincipal nobody = base.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(OsUser.NOBODY);
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setOwner(p, nobody);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedPostgresServer.HOST))) {
            return s.getLocalPort();
        }
    }
}
