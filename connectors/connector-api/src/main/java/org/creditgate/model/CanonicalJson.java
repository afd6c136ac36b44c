package org.creditgate.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of a record: sorted properties, ISO dates, plain decimals, no nulls. Deterministic, so the
 * same record always gives the same bytes and the same {@link #contentHash}.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // keep the sender's offset (+08:00): re-reading must give back the same record
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // amounts are decimal(18,6): a double would turn 12345678901.123456 into 12345678901.123455
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private CanonicalJson() {
    }

    /**
     * The shared, configured mapper (thread-safe; do not reconfigure). Also the right one to parse department input
     * with: it keeps JSON decimals exact.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CreditRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical records are plain data and always serialise", e);
        }
    }

    public static CreditRecord read(String json) {
        try {
            return MAPPER.readValue(json, CreditRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a canonical record: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Hex SHA-256 of the canonical JSON without the gateway meta (recordId, version), prefixed by the op: an
     * identical resend has the same hash whatever recordId/version it carries. The op stays in because a DELETE (or
     * UPDATE) carrying the same data as the current version is a new event, not a resend of it.
     */
    public static String contentHash(CreditRecord record) {
        String op = record.meta() == null || record.meta().op() == null ? "ADD" : record.meta().op().name();
        String body = write(record.withMeta(null));
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(op.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            return HexFormat.of().formatHex(d.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
