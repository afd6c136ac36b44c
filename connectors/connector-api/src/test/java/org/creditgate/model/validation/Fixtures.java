package org.creditgate.model.validation;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;

/** The sample records, validated as received on a fixed business date, for tests that break one rule at a time. */
final class Fixtures {

    static final ObjectMapper JSON = SampleRecords.JSON;
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);
    static final ValidationContext CTX = new ValidationContext(RECEIVED, WorkingDayCalendar.fromClasspath());
    static final RecordValidator VALIDATOR = new RecordValidator();

    static final String ORG_USCC = SampleRecords.ORG_USCC;
    static final String AUTHORITY_USCC = SampleRecords.AUTHORITY_USCC;
    static final String INDIVIDUAL_USCC = "92350100MA2XK0018M";
    static final String ID = SampleRecords.CITIZEN_ID;

    private Fixtures() {
    }

    static ValidationOutcome validate(ObjectNode record) {
        return VALIDATOR.validate(record, CTX);
    }

    static ObjectNode penalty() {
        return SampleRecords.load("PENALTY");
    }

    static ObjectNode personPenalty() {
        return SampleRecords.personPenalty(penalty().get("CF_WSH").asText(), ID);
    }

    static ObjectNode license() {
        return SampleRecords.load("LICENSE");
    }

    static ObjectNode listEntry() {
        return SampleRecords.load("LIST");
    }

    static ObjectNode executee() {
        return SampleRecords.load("DISHONEST_EXECUTEE");
    }

    static ObjectNode commitment() {
        return SampleRecords.load("COMMITMENT");
    }

    static ObjectNode repair() {
        return SampleRecords.load("REPAIR");
    }

    static ObjectNode objection() {
        return SampleRecords.load("OBJECTION");
    }

    static ObjectNode shield() {
        return SampleRecords.load("SHIELD");
    }

    static ObjectNode feedback() {
        return SampleRecords.load("JOINT_FEEDBACK");
    }
}
