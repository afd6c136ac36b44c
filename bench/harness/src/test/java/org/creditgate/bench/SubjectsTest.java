package org.creditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void generatedSubjectsAreDistinctAndPassTheModelsChecksWithoutWarnings() {
        RecordValidator validator = new RecordValidator();
        ValidationContext ctx = new ValidationContext(LocalDate.now(ZoneId.of("Asia/Shanghai")),
                WorkingDayCalendar.fromClasspath());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String uscc = Subjects.uscc(i);
            String id = Subjects.citizenId(i);
            assertThat(seen.add(uscc)).as(uscc).isTrue();
            assertThat(seen.add(id)).as(id).isTrue();
            ValidationOutcome org = validator.validate(PenaltyRecords.org(i).put("CF_XDR_SHXYM", uscc), ctx);
            ValidationOutcome person = validator.validate(PenaltyRecords.person(i).put("CF_XDR_ZJHM", id), ctx);
            assertThat(org.errors()).as(uscc).isEmpty();
            assertThat(org.warnings()).as(uscc).isEmpty();
            assertThat(person.errors()).as(id).isEmpty();
        }
    }
}
