package org.creditgate.connector.xmlfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Batches written and not yet receipted, one small file each in the connector's work directory ({@code
 * pending/<batchId>}, holding the send time), so the receipt timeout survives a restart. A batch reported UNKNOWN
 * moves to {@code pending/unknown/} (reported once); a receipt, even a late one, removes it from both.
 */
final class PendingBatches {

    private final Path dir;
    private final Path unknown;
    private final Clock clock;

    PendingBatches(Path dir, Clock clock) {
        this.dir = dir;
        this.unknown = dir.resolve("unknown");
        this.clock = clock;
    }

    void add(String batchId) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(batchId), clock.instant().toString(), StandardCharsets.UTF_8);
    }

    void receipted(String batchId) throws IOException {
        Files.deleteIfExists(dir.resolve(batchId));
        Files.deleteIfExists(unknown.resolve(batchId));
    }

    /** Batch ids sent longer than {@code timeout} ago without a receipt, not yet reported. */
    List<String> overdue(Duration timeout) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Instant limit = clock.instant().minus(timeout);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> sentAt(f).isBefore(limit))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    void markUnknown(String batchId) throws IOException {
        Files.createDirectories(unknown);
        Files.move(dir.resolve(batchId), unknown.resolve(batchId), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Instant sentAt(Path file) {
        try {
            return Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH; // unreadable: overdue at once, so it is looked at
        }
    }
}
