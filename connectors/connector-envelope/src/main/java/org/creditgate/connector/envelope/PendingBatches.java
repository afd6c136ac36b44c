package org.creditgate.connector.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditgate.model.CanonicalJson;
import org.creditgate.spi.delivery.DeliveryRef;

/**
 * ASYNC receipts: the messages sent and not yet answered, one file per msgId under the connector's work directory
 * ({@code data/connectors/<id>/pending}). A file is written before the queue message is acknowledged and removed
 * only after its receipt was reported (and its refused records dead-lettered), so neither a restart nor a crash
 * loses an outstanding receipt; the worst case is reporting one twice, which is harmless. The file keeps the
 * message body and headers, so a record the upstream refuses later still reaches the dead-letter queue intact —
 * it is readable by the gateway's user only.
 */
final class PendingBatches {

    /** One record version of a pending message, as it was queued. */
    record Item(DeliveryRef ref, String body, Map<String, Object> headers) {
        @Override
        public String toString() {
            return ref.recordId() + ":" + ref.version();
        }
    }

    /** A message awaiting its receipt. */
    record Pending(String msgId, Instant sentAt, List<Item> items) {
        List<DeliveryRef> refs() {
            return items.stream().map(Item::ref).toList();
        }
    }

    private static final String SUFFIX = ".json";

    private final Path dir;

    PendingBatches(Path dir) {
        this.dir = dir;
    }

    void save(Pending pending) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".pending-", ".tmp");
            restrict(tmp);
            Files.write(tmp, CanonicalJson.mapper().writeValueAsBytes(pending));
            Path target = file(pending.msgId());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record pending message " + pending.msgId() + " in " + dir, e);
        }
    }

    boolean exists(String msgId) {
        return Files.exists(file(msgId));
    }

    Optional<Pending> find(String msgId) {
        Path f = file(msgId);
        return Files.exists(f) ? Optional.of(read(f)) : Optional.empty();
    }

    /** The oldest pending messages, at most {@code limit}. */
    List<Pending> oldest(int limit) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Pending> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                all.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list pending messages in " + dir, e);
        }
        all.sort(Comparator.comparing(Pending::sentAt));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    int count() {
        return oldest(Integer.MAX_VALUE).size();
    }

    void delete(String msgId) {
        try {
            Files.deleteIfExists(file(msgId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove pending message " + msgId + " from " + dir, e);
        }
    }

    private Path file(String msgId) {
        if (!msgId.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("unsafe msgId " + msgId);
        }
        return dir.resolve(msgId.replace(':', '_') + SUFFIX);
    }

    private static Pending read(Path f) {
        try {
            return CanonicalJson.mapper().readValue(f.toFile(), Pending.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable pending message " + f, e);
        }
    }

    private static void restrict(Path f) throws IOException {
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}
