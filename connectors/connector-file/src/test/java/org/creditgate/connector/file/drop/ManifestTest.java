package org.creditgate.connector.file.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.creditgate.connector.file.read.BadFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path dir;

    private static final byte[] DATA = "a\n1\n2\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aManifestDeclaresCountAndDigestAndIgnoresOtherKeys() throws Exception {
        Path data = Files.write(dir.resolve("x.csv"), DATA);
        Files.writeString(Manifest.of(data), "# from the tax bureau\ndataset=LIST\n" + Manifest.text(DATA, 2)
                .toUpperCase().replace("COUNT", "count").replace("SHA256", "sha256"));
        assertThat(Manifest.of(data).getFileName().toString()).isEqualTo("x.csv.manifest");
        Manifest m = Manifest.read(Manifest.of(data));
        assertThat(m.count()).isEqualTo(2);
        m.verifyDigest(DATA);
        m.verifyCount(2);
    }

    @Test
    void aWrongDigestOrCountIsABadFile() throws Exception {
        Manifest m = new Manifest(3, Manifest.sha256("other".getBytes()));
        assertThatThrownBy(() -> m.verifyDigest(DATA)).isInstanceOf(BadFileException.class)
                .hasMessageContaining(Manifest.sha256(DATA)).extracting(e -> ((BadFileException) e).code())
                .isEqualTo("E_MANIFEST_DIGEST");
        assertThatThrownBy(() -> m.verifyCount(2)).hasMessageContaining("2 data rows, the manifest says 3")
                .extracting(e -> ((BadFileException) e).code()).isEqualTo("E_MANIFEST_COUNT");
    }

    @Test
    void aMalformedManifestIsABadFile() throws Exception {
        Path noCount = Files.writeString(dir.resolve("a.manifest"), "sha256=" + Manifest.sha256(DATA));
        assertThatThrownBy(() -> Manifest.read(noCount)).hasMessageContaining("count")
                .extracting(e -> ((BadFileException) e).code()).isEqualTo("E_MANIFEST");
        Path badSha = Files.writeString(dir.resolve("b.manifest"), "count=1\nsha256=abc");
        assertThatThrownBy(() -> Manifest.read(badSha)).hasMessageContaining("64 hex digits");
        Path notUtf8 = Files.write(dir.resolve("c.manifest"), new byte[] {'c', '=', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> Manifest.read(notUtf8)).isInstanceOf(BadFileException.class);
    }
}
