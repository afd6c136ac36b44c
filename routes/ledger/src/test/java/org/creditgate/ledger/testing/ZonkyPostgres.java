package org.creditgate.ledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The server as zonky runs it, for a build that does not run as root. */
final class ZonkyPostgres implements EmbeddedPostgresServer.Backend {

    private final Path base;
    private final EmbeddedPostgres postgres;

    private ZonkyPostgres(Path base, EmbeddedPostgres postgres) {
        this.base = base;
        this.postgres = postgres;
    }

    static ZonkyPostgres start() throws IOException {
        Path base = Files.createTempDirectory("creditgate-pg-");
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(base.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", EmbeddedPostgresServer.HOST)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new ZonkyPostgres(base, pg);
        } catch (IOException | RuntimeException e) {
            TestDirectories.delete(base);
            throw e;
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public Path dataDirectory() {
        return base.resolve("data");
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        } finally {
            TestDirectories.delete(base);
        }
    }
}
