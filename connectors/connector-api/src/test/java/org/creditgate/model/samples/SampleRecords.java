package org.creditgate.model.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Valid sample records of every dataset, as a department would send them (samples/DATASET.json). Shared with the
 * other modules' tests and benchmarks through this module's test-jar, so there is one realistic record per dataset
 * to break one rule at a time.
 */
public final class SampleRecords {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Worked example of domain.md §2.1. */
    public static final String ORG_USCC = "91350100M000100Y43";
    /** A valid USCC of a government authority (机关, Fuzhou). */
    public static final String AUTHORITY_USCC = "11350100003000014R";
    /** Worked example of domain.md §2.3. */
    public static final String CITIZEN_ID = "11010519491231002X";

    private SampleRecords() {
    }

    /** A fresh, mutable copy of samples/{dataset}.json. */
    public static ObjectNode load(String dataset) {
        try (InputStream in = SampleRecords.class.getResourceAsStream("/samples/" + dataset + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample for dataset " + dataset);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample 行政处罚 against an organisation, with its own decision number. */
    public static ObjectNode penalty(String decisionDocNo) {
        return load("PENALTY").put("CF_WSH", decisionDocNo);
    }

    /** The same 行政处罚 against a natural person identified by a 公民身份号码. */
    public static ObjectNode personPenalty(String decisionDocNo, String idNo) {
        ObjectNode r = penalty(decisionDocNo);
        r.remove("CF_XDR_SHXYM");
        r.remove("CF_FRDB");
        r.put("CF_XDR_MC", "李四");
        r.put("CF_XDR_LB", "自然人");
        r.put("CF_XDR_ZJLX", "身份证");
        r.put("CF_XDR_ZJHM", idNo);
        return r;
    }

    /** Moves a 行政处罚's decision to {@code decided} (validity one year), e.g. to stay clear of E_DATE_FUTURE. */
    public static ObjectNode decidedOn(ObjectNode penalty, LocalDate decided) {
        return penalty.put("CF_JDRQ", decided.toString()).put("CF_YXQ", decided.plusYears(1).toString());
    }
}
