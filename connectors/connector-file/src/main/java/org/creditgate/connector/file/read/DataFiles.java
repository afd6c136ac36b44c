package org.creditgate.connector.file.read;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a data file by its extension: .csv (and .txt) as CSV, .xlsx as a workbook; anything else is refused. */
public final class DataFiles {

    private DataFiles() {
    }

    /** How CSV and XLSX files are read (from the instance's settings). */
    public record Options(Optional<Charset> encoding, char delimiter, ReadLimits limits) {
    }

    /** Whether the scanner should consider a file at all (its manifest decides when). */
    public static boolean isDataFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.endsWith(".manifest") && !n.endsWith(".tmp") && !n.endsWith(".part")
                && !n.endsWith(".result.json");
    }

    /**
     * @param bytes the file's content, already checked against the manifest's digest. CSV is decoded from it; an
     *              XLSX is read from {@code file} again, because a zip needs random access to its central directory
     */
    public static Table read(Path file, byte[] bytes, int headerRow, Optional<String> sheet, Options options)
            throws BadFileException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            Encodings.Decoded text = Encodings.decode(bytes, options.encoding());
            List<SourceRow> rows = CsvParser.parse(text.text(), options.delimiter());
            return Table.of("CSV " + text.charset().name(), rows, headerRow);
        }
        if (n.endsWith(".xlsx")) {
            return Table.of("XLSX", XlsxReader.read(file, sheet, options.limits()), headerRow);
        }
        if (n.endsWith(".xls")) {
            throw new BadFileException("E_FORMAT", "legacy .xls (Excel 97-2003) is not supported; save as .xlsx "
                    + "or CSV");
        }
        throw new BadFileException("E_FORMAT", "unsupported file type (expected .csv, .txt or .xlsx)");
    }
}
