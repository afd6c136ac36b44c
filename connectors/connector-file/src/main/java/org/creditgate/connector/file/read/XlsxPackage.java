package org.creditgate.connector.file.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The parts of an XLSX (a zip), inflated on demand under limits. Read through the central directory
 * ({@link ZipFile}) because common writers (POI's streaming workbook among them) put sizes only there, which a
 * {@code ZipInputStream} rejects. Sizes in zip headers are the sender's word, so bytes are counted while
 * inflating and the read stops the moment the total of all parts read passes the limit: a zip bomb costs at most
 * {@code maxUncompressed} bytes of work and memory.
 */
final class XlsxPackage implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ZipFile zip;
    private final long max;
    private long total;

    private XlsxPackage(ZipFile zip, long max) {
        this.zip = zip;
        this.max = max;
    }

    static XlsxPackage open(Path file, ReadLimits limits) throws BadFileException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new BadFileException("E_XLSX", "not a readable XLSX (zip) file: " + e.getMessage());
        }
        XlsxPackage pkg = new XlsxPackage(zip, limits.maxUncompressed());
        int entries = zip.size();
        if (entries > limits.maxEntries()) {
            pkg.close();
            throw new BadFileException("E_ZIP_BOMB", "more than " + limits.maxEntries() + " zip entries ("
                    + entries + ")");
        }
        return pkg;
    }

    /** A part, fully inflated, or empty when the workbook has no such part. */
    Optional<InputStream> part(String name) throws IOException, BadFileException {
        ZipEntry entry = zip.getEntry(name.startsWith("/") ? name.substring(1) : name);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                total += n;
                if (total > max) {
                    throw new BadFileException("E_ZIP_BOMB", "the XLSX inflates to more than " + max + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        return Optional.of(new ByteArrayInputStream(out.toByteArray()));
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only; nothing to lose
        }
    }
}
