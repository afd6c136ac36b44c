package org.creditgate.connector.file.drop;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.creditgate.connector.file.read.DataFiles;

/**
 * The drop directory: which files are ready, and where a finished file goes. A data file is ready once its
 * manifest exists (senders write the manifest last). A finished file moves to done/ or error/ together with its
 * manifest, and its result file is written beside it; a name already taken there (a re-dropped file) gets a
 * {@code ~2}, {@code ~3}… before its extension, so no earlier result is overwritten.
 *
 * <p>Order on finishing: result file first, then the data file, then the manifest. The data file's move is the
 * commit point: until it happens a crash leaves the file in the inbox and it is processed again (idempotent
 * ingest answers ALREADY_ACCEPTED, the result file is rewritten).
 */
public final class DropFolders {

    public static final String RESULT_SUFFIX = ".result.json";

    private final Path inbox;
    private final Path done;
    private final Path error;

    public DropFolders(Path inbox, Path done, Path error) {
        this.inbox = inbox;
        this.done = done;
        this.error = error;
    }

    /**
     * Names of the data files whose manifest is present, oldest first. Names, not paths: a route logs them, and
     * Camel would turn a Path body into the file's content.
     */
    public List<String> readyFiles() throws IOException {
        Files.createDirectories(inbox);
        List<Path> ready = new ArrayList<>();
        try (Stream<Path> files = Files.list(inbox)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> DataFiles.isDataFile(p.getFileName().toString()))
                    .filter(p -> Files.isRegularFile(Manifest.of(p)))
                    .forEach(ready::add);
        }
        ready.sort(Comparator.comparing(DropFolders::modified).thenComparing(p -> p.getFileName().toString()));
        return ready.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** A file of the drop directory by name. */
    public Path inboxFile(String name) {
        return inbox.resolve(name);
    }

    /** Moves a finished data file and its manifest to done/ or error/ with its result file; returns the new path. */
    public Path finish(Path dataFile, boolean ok, byte[] resultJson) throws IOException {
        Path dir = ok ? done : error;
        Files.createDirectories(dir);
        Path target = freeName(dir, dataFile.getFileName().toString());
        Path result = target.resolveSibling(target.getFileName() + RESULT_SUFFIX);
        Path tmp = Files.write(dir.resolve("." + result.getFileName() + ".tmp"), resultJson);
        move(tmp, result);
        move(dataFile, target);
        Path manifest = Manifest.of(dataFile);
        if (Files.exists(manifest)) {
            move(manifest, Manifest.of(target));
        }
        return target;
    }

    private static Path freeName(Path dir, String name) {
        Path candidate = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(stem + "~" + n + ext);
        }
        return candidate;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
