package org.creditgate.simulators.upstream.gsxt;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.simulators.upstream.core.EnvelopeException;

/**
 * {@code <batchId>.manifest.json}: {@code {batchId, dataset, msgType, file, count, sm3, generatedAt}} — written by
 * the sender after the data file, its presence meaning "the batch is complete".
 */
record GsxtManifest(String batchId, String dataset, String msgType, String file, int count, String sm3,
        String generatedAt) {

    static final String SUFFIX = ".manifest.json";

    static GsxtManifest of(JsonNode m) {
        return new GsxtManifest(required(m, "batchId"), required(m, "dataset"),
                m.path("msgType").asText("DATA"), required(m, "file"), count(m), required(m, "sm3"),
                m.path("generatedAt").asText(null));
    }

    private static int count(JsonNode m) {
        JsonNode c = m.path("count");
        if (!c.isIntegralNumber()) {
            throw new EnvelopeException("E_MANIFEST", "count", "manifest count missing or not a number");
        }
        return c.asInt();
    }

    private static String required(JsonNode m, String name) {
        String v = m.path(name).asText("");
        if (v.isBlank()) {
            throw new EnvelopeException("E_MANIFEST", name, "manifest member " + name + " missing");
        }
        return v;
    }
}
