package org.creditgate.core.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;

/** The shared sample 行政处罚 with its own decision number, received on a fixed business date. */
final class Records {

    static final ObjectMapper JSON = SampleRecords.JSON;
    /** Business date the pipeline under test runs on (the sample decision is two days earlier). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private Records() {
    }

    static ObjectNode penalty(String docNo) {
        return SampleRecords.penalty(docNo);
    }

    static JsonNode batch(JsonNode... records) {
        return JSON.valueToTree(Map.of("records", List.of(records)));
    }
}
