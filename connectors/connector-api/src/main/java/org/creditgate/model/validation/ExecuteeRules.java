package org.creditgate.model.validation;

import static org.creditgate.model.validation.ExecuteeFields.AGE;
import static org.creditgate.model.validation.ExecuteeFields.BASIS_DOC_NO;
import static org.creditgate.model.validation.ExecuteeFields.BASIS_ISSUER;
import static org.creditgate.model.validation.ExecuteeFields.BEHAVIOUR;
import static org.creditgate.model.validation.ExecuteeFields.CASE_NO;
import static org.creditgate.model.validation.ExecuteeFields.COURT;
import static org.creditgate.model.validation.ExecuteeFields.DUTY;
import static org.creditgate.model.validation.ExecuteeFields.FILED_ON;
import static org.creditgate.model.validation.ExecuteeFields.GENDER;
import static org.creditgate.model.validation.ExecuteeFields.PERFORMANCE;
import static org.creditgate.model.validation.ExecuteeFields.PUBLISHED_ON;

import java.time.LocalDate;

import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;
import org.creditgate.model.SubjectCategory;

/** 失信被执行人 rules (domain.md §3.5) beyond its field table {@link ExecuteeFields}. */
final class ExecuteeRules {

    /** Oldest age the courts publish; anything above is a typo, not a person. */
    private static final int MAX_AGE = 150;

    private ExecuteeRules() {
    }

    static DishonestExecutee read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.CANONICAL, true);
        String gender = in.choice(GENDER, Vocabulary.GENDER);
        Integer age = in.integer(AGE, 0, MAX_AGE);
        String duty = in.text(DUTY);
        DishonestExecutee.Performance performance = in.choice(PERFORMANCE, Vocabulary.PERFORMANCE);
        String behaviour = in.text(BEHAVIOUR);
        String basisDocNo = in.text(BASIS_DOC_NO);
        String basisIssuer = in.text(BASIS_ISSUER);
        String caseNo = in.text(CASE_NO);
        LocalDate filedOn = in.date(FILED_ON);
        String court = in.text(COURT);
        LocalDate publishedOn = in.date(PUBLISHED_ON);

        if (subject.subjectCategory() == SubjectCategory.NATURAL_PERSON) {
            in.requireFor(GENDER, gender, "for a 自然人 (法释〔2017〕7号 art. 6)");
        }
        DateRules.notAfterReceipt(in, filedOn, FILED_ON);
        DateRules.notAfterReceipt(in, publishedOn, PUBLISHED_ON);
        DateRules.order(in, filedOn, FILED_ON, publishedOn, PUBLISHED_ON);
        return new DishonestExecutee(meta, subject, gender, age, duty, performance, behaviour, basisDocNo, basisIssuer,
                caseNo, filedOn, court, publishedOn);
    }
}
