package org.creditgate.itests;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;

/**
 * 行政处罚 records in the national field codes (the shared samples), decided yesterday: the gateway under test runs
 * on the real clock.
 */
final class Samples {

    static final ObjectMapper JSON = SampleRecords.JSON;
    static final String VALID_ID = SampleRecords.CITIZEN_ID;

    private Samples() {
    }

    static ObjectNode orgPenalty(String docNo) {
        return SampleRecords.decidedOn(SampleRecords.penalty(docNo), yesterday());
    }

    static ObjectNode personPenalty(String docNo, String idNo) {
        return SampleRecords.decidedOn(SampleRecords.personPenalty(docNo, idNo), yesterday());
    }

    private static LocalDate yesterday() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record ids of a push that must have been accepted whole (fails with the answer otherwise). */
    static java.util.List<String> accepted(org.creditgate.connector.samr.sim.SamrSimulator.Answer answer) {
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        answer.body().path("results").forEach(r -> {
            org.assertj.core.api.Assertions.assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ACCEPTED");
            ids.add(r.path("recordId").asText());
        });
        return ids;
    }
}
