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

    /**
     * The n-th record of a run: a distinct 行政处罚, alternately against a company and a person of a pool of
     * {@code subjects} (so delivery, ordered per subject, sees many message groups); {@code run} keeps decision
     * numbers of different runs apart.
     */
    static ObjectNode numbered(String run, long n, int subjects) {
        int subject = (int) (n % subjects);
        ObjectNode r = subject % 2 == 0 ? org(n).put("CF_XDR_SHXYM", Subjects.uscc(subject))
                : person(n).put("CF_XDR_ZJHM", Subjects.citizenId(subject));
        return r.put("CF_WSH", "榕市监罚〔" + run + "〕" + n + "号");
    }

    private static String docNo(long n) {
        return "榕市监罚〔2026〕" + n + "号";
    }

    private static LocalDate yesterday() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    }
}
