package org.creditgate.core.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reports as JSON: how they are kept in the ledger and shown by the API (ISO instants). */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).addModule(new JavaTimeModule()).build();

    private ReportJson() {
    }

    public static String write(ReconciliationReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    public static ReconciliationReport read(String json) {
        try {
            return MAPPER.readValue(json, ReconciliationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reconciliation report is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
