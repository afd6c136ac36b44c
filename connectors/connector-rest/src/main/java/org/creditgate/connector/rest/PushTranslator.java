package org.creditgate.connector.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.spi.ingest.IngestException;

/**
 * A push body — one record object or {@code {"records": [...]}} — to the records ingest validates, keys renamed
 * by the instance's mapping. Values are never checked here; that is validation's job, which names the field.
 */
final class PushTranslator {

    private final RestPushSettings settings;

    PushTranslator(RestPushSettings settings) {
        this.settings = settings;
    }

    List<JsonNode> records(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isObject() && body.has("records")) {
            JsonNode array = body.get("records");
            if (!array.isArray()) {
                throw IngestException.badRequest("BAD_SHAPE", "\"records\" must be an array of record objects");
            }
            array.forEach(items::add);
        } else if (body != null && body.isObject()) {
            items.add(body);
        } else {
            throw IngestException.badRequest("BAD_SHAPE", "send one record object or {\"records\": [...]}");
        }
        if (items.isEmpty()) {
            throw IngestException.badRequest("EMPTY_BATCH", "\"records\" is empty; nothing to store");
        }
        if (items.size() > settings.maxRecords()) {
            throw IngestException.tooLarge("the push has " + items.size() + " records; at most "
                    + settings.maxRecords() + " are accepted per request (maxRecords)");
        }
        List<JsonNode> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            // a non-object item goes through unchanged: validation rejects it with its index
            out.add(item instanceof ObjectNode o ? settings.mapping().rename(o, settings.passthrough()) : item);
        }
        return out;
    }
}
