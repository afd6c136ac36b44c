package org.creditgate.connector.file.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a text file the way departments send them: UTF-8 with or without BOM, or GBK from older Windows
 * exports. Detection decodes strictly as UTF-8 first — GBK text with Chinese characters is practically never valid
 * UTF-8 — and falls back to GBK; a forced charset is also decoded strictly, so a wrong setting fails loudly instead
 * of ingesting mojibake.
 */
public final class Encodings {

    static final Charset GBK = Charset.forName("GBK");

    private Encodings() {
    }

    /** The decoded text (without BOM) and the charset used. */
    public record Decoded(String text, Charset charset) {
    }

    public static Decoded decode(byte[] bytes, Optional<Charset> forced) throws BadFileException {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        if (forced.isPresent()) {
            Charset cs = forced.get();
            int skip = bom && cs.equals(StandardCharsets.UTF_8) ? 3 : 0;
            return strict(bytes, skip, cs).map(t -> new Decoded(t, cs)).orElseThrow(() -> new BadFileException(
                    "E_ENCODING", "the file is not valid " + cs.name() + " (configured encoding)"));
        }
        Optional<String> utf8 = strict(bytes, bom ? 3 : 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        if (bom) {
            throw new BadFileException("E_ENCODING", "the file starts with a UTF-8 BOM but is not valid UTF-8");
        }
        return strict(bytes, 0, GBK).map(t -> new Decoded(t, GBK)).orElseThrow(() -> new BadFileException(
                "E_ENCODING", "the file is neither valid UTF-8 nor valid GBK"));
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset cs) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
