package org.creditgate.connector.file.drop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.creditgate.connector.file.layout.Layout;
import org.creditgate.connector.file.read.BadFileException;
import org.creditgate.connector.file.read.DataFiles;
import org.creditgate.connector.file.read.Table;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one ready data file: layout, manifest digest, read, manifest count, mapped rows ingested in batches,
 * then the file goes to done/ with every row's outcome. A file that can never work goes to error/ with the reason
 * and nothing ingested. When the core cannot take records the {@link IngestException} propagates and the file
 * stays where it is, to be processed again at a later scan.
 */
public final class FileProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(FileProcessor.class);

    private final ConnectorContext context;
    private final List<Layout> layouts;
    private final DataFiles.Options options;
    private final DropFolders folders;
    private final RowIngestor ingestor;

    public FileProcessor(ConnectorContext context, List<Layout> layouts, DataFiles.Options options,
            DropFolders folders, int batchSize, String sourceRefField) {
        this.context = context;
        this.layouts = layouts;
        this.options = options;
        this.folders = folders;
        this.ingestor = new RowIngestor(context, batchSize, sourceRefField);
    }

    /**
     * Processes the named file of the drop directory; returns the report written beside the moved file, or null
     * when the file vanished before it was read.
     */
    public FileReport process(String name) throws IOException {
        Path dataFile = folders.inboxFile(name);
        Instant modified;
        byte[] bytes;
        Layout layout = null;
        String format = null;
        FileReport report;
        try {
            modified = Files.getLastModifiedTime(dataFile).toInstant();
            layout = layout(name);
            Manifest manifest = Manifest.read(Manifest.of(dataFile));
            bytes = read(dataFile);
            manifest.verifyDigest(bytes);
            Table table = DataFiles.read(dataFile, bytes, layout.headerRow(), layout.sheet(), options);
            format = table.format();
            manifest.verifyCount(table.rows().size());
            checkColumns(layout, table);
            report = new FileReport(name, layout.name(), format, null, null, context.clock().instant(),
                    ingestor.ingest(name, layout, table));
        } catch (NoSuchFileException gone) {
            LOG.info("{}: {} disappeared before it was processed", context.descriptor().id(), name);
            return null;
        } catch (BadFileException bad) {
            modified = Files.getLastModifiedTime(dataFile).toInstant();
            report = FileReport.failed(name, layout == null ? null : layout.name(), format, bad.code(),
                    bad.getMessage(), context.clock().instant());
        }
        Path moved = folders.finish(dataFile, report.done(), ResultWriter.toJson(report, context.descriptor().id()));
        context.sourceTime(modified);
        log(report, moved);
        return report;
    }

    private Layout layout(String name) throws BadFileException {
        List<Layout> matching = layouts.stream().filter(l -> l.matches(name)).toList();
        if (matching.isEmpty()) {
            throw new BadFileException("E_NO_LAYOUT", "no layout's files pattern matches this file name (layouts: "
                    + layouts.stream().map(l -> l.name() + "=" + l.globs()).toList() + ")");
        }
        if (matching.size() > 1) {
            throw new BadFileException("E_LAYOUT_AMBIGUOUS", "the file name matches several layouts: "
                    + matching.stream().map(Layout::name).toList());
        }
        return matching.get(0);
    }

    private byte[] read(Path dataFile) throws IOException, BadFileException {
        long size = Files.size(dataFile);
        if (size > options.limits().maxFileBytes()) {
            throw new BadFileException("E_FILE_TOO_LARGE", "the file has " + size + " bytes, more than maxFileBytes "
                    + options.limits().maxFileBytes());
        }
        return Files.readAllBytes(dataFile);
    }

    private static void checkColumns(Layout layout, Table table) throws BadFileException {
        List<String> missing = layout.mapping().missingColumns(new HashSet<>(table.header()));
        if (!missing.isEmpty()) {
            throw new BadFileException("E_HEADER", "columns of layout " + layout.name() + " missing from the header: "
                    + missing + " (header: " + table.header() + ")");
        }
    }

    private void log(FileReport r, Path moved) {
        if (r.done()) {
            LOG.info("{}: {} -> {}: {} rows, {} accepted, {} already accepted, {} rejected", context.descriptor().id(),
                    r.file(), moved, r.rows().size(), r.count(IngestStatus.ACCEPTED),
                    r.count(IngestStatus.ALREADY_ACCEPTED),
                    r.count(IngestStatus.REJECTED));
        } else {
            LOG.warn("{}: {} -> {}: {} {}", context.descriptor().id(), r.file(), moved, r.errorCode(),
                    r.errorMessage());
        }
    }
}
