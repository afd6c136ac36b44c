package org.creditgate.connector.file;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.creditgate.connector.file.layout.Layout;
import org.creditgate.connector.file.layout.Layouts;
import org.creditgate.connector.file.read.ReadLimits;
import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Settings;

/**
 * The typed configuration of one file-drop instance. {@link #DEF} is the one place every key, default and
 * sentence of documentation lives; the shipped .cfg files and the README repeat them and the contract test
 * checks they agree.
 *
 * @param dir            the drop directory (inbox); files end in {@code dir/done} or {@code dir/error}
 * @param encoding       forced charset of CSV files, or empty to detect (strict UTF-8 first, else GBK)
 * @param sourceRefField record field carrying {@code <file>#<row>}, so a kept rejection names its row
 */
public record FileDropSettings(String department, Path dir, Duration pollInterval,
        int batchSize, Optional<Charset> encoding, char csvDelimiter, ReadLimits limits, String sourceRefField,
        List<Layout> layouts) {

    public static final String DIR = "dir";
    public static final String POLL_INTERVAL = "pollInterval";
    public static final String BATCH_SIZE = "batchSize";
    public static final String ENCODING = "encoding";
    public static final String CSV_DELIMITER = "csv.delimiter";
    public static final String MAX_FILE_BYTES = "maxFileBytes";
    public static final String XLSX_MAX_BYTES = "xlsx.maxUncompressedBytes";
    public static final String XLSX_MAX_ENTRIES = "xlsx.maxEntries";
    public static final String FORMULAS = "formulas";
    public static final String SOURCE_REF = "sourceRefField";

    /** The core refuses larger pushes (ingest.maxBatchSize). */
    public static final int MAX_BATCH = 500;
    private static final String AUTO = "auto";

    public static final ConfigDef DEF = ConfigDef.connector()
            .required(DIR, ConfigType.PATH, "Drop directory the department writes <name>.csv|.xlsx plus "
                    + "<name>.manifest into; processed files move to <dir>/done or <dir>/error.")
            .optional(POLL_INTERVAL, ConfigType.DURATION, "30s", "How often the drop directory is scanned.")
            .optional(BATCH_SIZE, ConfigType.INT, "500", "Rows per ingest call (1-500).")
            .optional(ENCODING, ConfigType.STRING, AUTO, "Charset of CSV files: auto (UTF-8 with or without BOM "
                    + "if the bytes are valid UTF-8, else GBK), or a charset name such as UTF-8, GBK, GB18030.")
            .optional(CSV_DELIMITER, ConfigType.STRING, ",", "CSV field separator: one character, or 'tab'.")
            .optional(MAX_FILE_BYTES, ConfigType.LONG, "52428800", "Largest data file accepted (bytes); "
                    + "larger files go to error/ unread.")
            .optional(XLSX_MAX_BYTES, ConfigType.LONG, "104857600", "Largest total uncompressed size of the "
                    + "parts of an XLSX read (bytes), counted while inflating; more is a zip bomb -> error/.")
            .optional(XLSX_MAX_ENTRIES, ConfigType.INT, "500", "Most zip entries an XLSX may have.")
            .optional(FORMULAS, ConfigType.STRING, "cached", "XLSX formula cells: cached (use the value Excel "
                    + "saved with the file) or reject (the row is rejected with E_FORMULA).")
            .optional(SOURCE_REF, ConfigType.STRING, "sourceRef", "Field added to every record with "
                    + "<file>#<row>; ignored by validation, kept with the rejected payload.")
            .prefix(Layouts.PREFIX, "File layouts: layout.<name>.files (globs, required), layout.<name>.map.<field> "
                    + "= <column>, layout.<name>.const.<field> = <value>, layout.<name>.headerRow (default 1), "
                    + "layout.<name>.sheet (XLSX sheet name, default the first).")
            .build();

    /** Turns validated raw settings into typed ones, checking what a single key cannot express. */
    public static FileDropSettings from(Settings raw) {
        int batch = raw.integer(BATCH_SIZE);
        if (batch < 1 || batch > MAX_BATCH) {
            throw raw.invalid(BATCH_SIZE, batch + " is not between 1 and " + MAX_BATCH);
        }
        if (raw.duration(POLL_INTERVAL).toMillis() < 100) {
            throw raw.invalid(POLL_INTERVAL, "must be at least 100ms");
        }
        ReadLimits limits = new ReadLimits(positive(raw, MAX_FILE_BYTES, raw.longValue(MAX_FILE_BYTES)),
                positive(raw, XLSX_MAX_BYTES, raw.longValue(XLSX_MAX_BYTES)),
                (int) positive(raw, XLSX_MAX_ENTRIES, raw.integer(XLSX_MAX_ENTRIES)), formulas(raw));
        String ref = raw.string(SOURCE_REF);
        if (!ref.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw raw.invalid(SOURCE_REF, "'" + ref + "' is not a field name (letters, digits, _)");
        }
        return new FileDropSettings(raw.department(), raw.path(DIR),
                raw.duration(POLL_INTERVAL), batch, encoding(raw), delimiter(raw), limits, ref,
                Layouts.parse(raw, ref));
    }

    private static long positive(Settings raw, String key, long v) {
        if (v < 1) {
            throw raw.invalid(key, "must be positive");
        }
        return v;
    }

    private static boolean formulas(Settings raw) {
        String v = raw.string(FORMULAS).toLowerCase(Locale.ROOT);
        if (!v.equals("cached") && !v.equals("reject")) {
            throw raw.invalid(FORMULAS, "'" + v + "' is neither cached nor reject");
        }
        return v.equals("cached");
    }

    private static Optional<Charset> encoding(Settings raw) {
        String v = raw.string(ENCODING);
        if (v.equalsIgnoreCase(AUTO)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(v));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw raw.invalid(ENCODING, "'" + v + "' is neither auto nor a charset this JVM knows");
        }
    }

    private static char delimiter(Settings raw) {
        String v = raw.string(CSV_DELIMITER);
        if (v.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (v.length() != 1 || v.charAt(0) == '"' || v.charAt(0) == '\n' || v.charAt(0) == '\r') {
            throw raw.invalid(CSV_DELIMITER, "'" + v + "' is not one character (or 'tab') other than a quote");
        }
        return v.charAt(0);
    }

    /** The directory processed files and their result files move to. */
    public Path doneDir() {
        return dir.resolve("done");
    }

    public Path errorDir() {
        return dir.resolve("error");
    }
}
