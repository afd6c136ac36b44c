package org.creditgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The GB/T 32905-2016 vectors (the first is domain.md §8's verified one). */
class Sm3Test {

    @Test
    void standardVectors() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Sm3.hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        assertThat(Sm3.hex(new byte[0])).isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
    }

    @Test
    void streamingInPiecesEqualsOneShot() {
        byte[] data = "失信被执行人 ".repeat(40).getBytes(StandardCharsets.UTF_8);
        Sm3 sm3 = new Sm3();
        for (int i = 0; i < data.length; i += 7) {
            sm3.update(data, i, Math.min(7, data.length - i));
        }
        assertThat(java.util.HexFormat.of().formatHex(sm3.digest())).isEqualTo(Sm3.hex(data));
    }
}
