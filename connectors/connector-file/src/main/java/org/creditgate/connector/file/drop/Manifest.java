package org.creditgate.connector.file.drop;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.creditgate.connector.file.read.BadFileException;

/**
 * The manifest a department writes after its data file, {@code <data file name>.manifest}, as UTF-8 properties:
 * <pre>
 * count  = 120                  # data rows (non-blank rows after the header)
 * sha256 = 9f86d08…             # hex SHA-256 of the data file's bytes
 * </pre>
 * Other keys (dataset, generatedAt…) are allowed and ignored. Its presence says the data file is complete; its
 * count and digest prove it arrived whole.
 *
 * @param count  declared number of data rows
 * @param sha256 declared digest, lower-case hex
 */
public record Manifest(int count, String sha256) {

    public static final String SUFFIX = ".manifest";
    public static final String COUNT = "count";
    public static final String SHA256 = "sha256";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final long MAX_BYTES = 64 * 1024;

    public static Path of(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + SUFFIX);
    }

    public static Manifest read(Path file) throws BadFileException, IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new BadFileException("E_MANIFEST", "the manifest is larger than " + MAX_BYTES + " bytes");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw new BadFileException("E_MANIFEST", "the manifest is not a UTF-8 properties file: " + e.getMessage());
        }
        String count = p.getProperty(COUNT, "").strip();
        String sha = p.getProperty(SHA256, "").strip().toLowerCase(Locale.ROOT);
        if (!count.matches("\\d{1,9}")) {
            throw new BadFileException("E_MANIFEST", "the manifest needs count = <number of data rows>, has '"
                    + count + "'");
        }
        if (!HEX64.matcher(sha).matches()) {
            throw new BadFileException("E_MANIFEST", "the manifest needs sha256 = <64 hex digits>, has '" + sha + "'");
        }
        return new Manifest(Integer.parseInt(count), sha);
    }

    public void verifyDigest(byte[] data) throws BadFileException {
        String actual = sha256(data);
        if (!actual.equals(sha256)) {
            throw new BadFileException("E_MANIFEST_DIGEST", "SHA-256 of the file is " + actual + ", the manifest "
                    + "says " + sha256 + " (incomplete or altered file)");
        }
    }

    public void verifyCount(int rows) throws BadFileException {
        if (rows != count) {
            throw new BadFileException("E_MANIFEST_COUNT", "the file has " + rows + " data rows, the manifest says "
                    + count);
        }
    }

    /** Hex SHA-256, as a department (or the simulator) computes it for the manifest. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The manifest text for a data file (for senders, tests and the simulator). */
    public static String text(byte[] data, int rows) {
        return COUNT + "=" + rows + "\n" + SHA256 + "=" + sha256(data) + "\n";
    }
}
