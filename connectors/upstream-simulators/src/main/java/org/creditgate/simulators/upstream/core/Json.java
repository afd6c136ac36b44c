package org.creditgate.simulators.upstream.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import org.creditgate.model.CanonicalJson;

/** JSON in and out with the project's one mapper (exact decimals, ISO times, no nulls, sorted members). */
public final class Json {

    /** Trees keep numbers as written ({@code 0.100000} stays so): the digest covers the sender's bytes' values. */
    private static final ObjectReader TREES = CanonicalJson.mapper().reader()
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return CanonicalJson.mapper();
    }

    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text; malformed input → {@link EnvelopeException} {@code E_FORMAT}. */
    public static JsonNode read(String text) {
        try {
            return TREES.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("E_FORMAT", "", "not JSON: " + e.getOriginalMessage());
        }
    }

    public static JsonNode read(byte[] bytes) {
        try {
            return TREES.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("E_FORMAT", "", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T convert(Object from, Class<T> type) {
        return mapper().convertValue(from, type);
    }
}
