package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The two shapes a push may take: one record object, or {@code {"records": [ ... ]}}. */
final class BatchShape {

    static final String RECORDS = "records";

    private BatchShape() {
    }

    static List<JsonNode> records(JsonNode body, int maxBatchSize) {
        if (body == null || !body.isObject()) {
            throw IngestException.badRequest("BAD_SHAPE",
                    "the body must be a JSON object: one record, or {\"records\": [ … ]}");
        }
        JsonNode records = body.get(RECORDS);
        if (records == null) {
            return List.of(body);
        }
        if (!records.isArray()) {
            throw IngestException.badRequest("BAD_SHAPE", "\"records\" must be an array of record objects");
        }
        if (records.isEmpty()) {
            throw IngestException.badRequest("EMPTY_BATCH", "\"records\" is empty: nothing to ingest");
        }
        if (records.size() > maxBatchSize) {
            throw IngestException.tooLarge("the batch has " + records.size() + " records; at most " + maxBatchSize
                    + " are accepted per request (ingest.maxBatchSize)");
        }
        List<JsonNode> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            if (!r.isObject()) {
                throw IngestException.badRequest("BAD_SHAPE", "records[" + i + "] is not a JSON object");
            }
            out.add(r);
        }
        return out;
    }
}
