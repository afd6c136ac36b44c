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
}
