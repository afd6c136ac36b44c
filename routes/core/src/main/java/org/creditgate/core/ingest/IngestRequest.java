package org.creditgate.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A push from an authenticated department: one record object, or {@code {"records": [...]}}.
 *
 * @param channel how it arrived (e.g. "rest"), for the history
 */
public record IngestRequest(String department, String channel, JsonNode body) {
}
