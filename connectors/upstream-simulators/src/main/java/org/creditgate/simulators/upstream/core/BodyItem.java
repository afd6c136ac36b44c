package org.creditgate.simulators.upstream.core;

import com.fasterxml.jackson.databind.JsonNode;

/** One body item: {@code {recordId, version, op, cause?, data{…}}}; {@code data} is never null (maybe empty). */
public record BodyItem(String recordId, int version, String op, String cause, JsonNode data) {

    /** A text member of {@code data}, or null. */
    public String field(String name) {
        JsonNode v = data == null ? null : data.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    public String key() {
        return recordId + ":" + version;
    }
}
