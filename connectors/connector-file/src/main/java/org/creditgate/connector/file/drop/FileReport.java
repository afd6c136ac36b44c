package org.creditgate.connector.file.drop;

import java.time.Instant;
import java.util.List;

import org.creditgate.spi.ingest.IngestStatus;

/**
 * The outcome of one data file, written as its {@code .result.json}.
 *
 * @param file      the name the file was dropped under
 * @param layout    the layout that matched (null when none did)
 * @param format    CSV with its charset, or XLSX (null when the file was not read)
 * @param errorCode why the whole file went to error/ (null when it went to done/)
 * @param rows      one outcome per data row, in file order (empty for a file in error/: nothing was ingested)
 */
public record FileReport(String file, String layout, String format, String errorCode, String errorMessage,
        Instant processedAt, List<RowOutcome> rows) {

    public FileReport {
        rows = List.copyOf(rows);
    }

    public static FileReport failed(String file, String layout, String format, String code, String message,
            Instant at) {
        return new FileReport(file, layout, format, code, message, at, List.of());
    }

    public boolean done() {
        return errorCode == null;
    }

    public long count(IngestStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
