package org.creditgate.core.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON reading and writing of the API: strict on input, plain on output. */
final class ApiJson {

    /** Records are flat objects and batches one level deeper; anything much deeper is hostile. */
    private static final int MAX_NESTING = 32;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // error messages go back to senders: never echo the document (it may hold ID numbers)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(1_000_000).maxNumberLength(64).build());
    }

    private ApiJson() {
    }

    /** Parses a request body; the exception message names the problem and its position only. */
    static JsonNode read(byte[] body) throws MalformedJsonException {
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            JsonNode node = MAPPER.readTree(p);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedJsonException("malformed JSON" + where + ": " + reason(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedJsonException("the body is not readable JSON text: " + e.getMessage());
        }
    }

    /**
     * Jackson's reason without Jackson: its messages name internal classes and settings in backquotes ("bound as
     * `com.fasterxml…JsonNode`", "from `StreamReadConstraints.getMaxNestingDepth()`"), which a sender cannot act on.
     */
    static String reason(String jackson) {
        if (jackson == null) {
            return "unreadable JSON";
        }
        if (jackson.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON value";
        }
        return jackson.replaceAll(",?\\s*from `[^`]*`", "").replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                .replaceAll("`[^`]*`", "").replaceAll(":?\\s*not allowed as per\\s*$", "").strip();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API responses are plain data and always serialise", e);
        }
    }

    static String error(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return write(m);
    }

    static final class MalformedJsonException extends Exception {
        MalformedJsonException(String message) {
            super(message);
        }
    }
}
