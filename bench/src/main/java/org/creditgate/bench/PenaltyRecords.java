package org.creditgate.bench;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;

/**
 * The shared sample 行政处罚 (organisation and person), decided yesterday, with a unique decision number per
 * {@code n} so every record is a new one.
 */
final class PenaltyRecords {

    static final ObjectMapper JSON = SampleRecords.JSON;

    private PenaltyRecords() {
    }

    static ObjectNode org(long n) {
        return SampleRecords.decidedOn(SampleRecords.penalty(docNo(n)), yesterday());
    }

    static ObjectNode person(long n) {
        return SampleRecords.decidedOn(SampleRecords.personPenalty(docNo(n), SampleRecords.CITIZEN_ID), yesterday());
    }

    private static String docNo(long n) {
        return "榕市监罚〔2026〕" + n + "号";
    }

    private static LocalDate yesterday() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    }
}
