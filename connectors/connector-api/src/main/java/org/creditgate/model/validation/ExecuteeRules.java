package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;
import org.creditgate.model.SubjectCategory;

/** 失信被执行人 (domain.md §3.5). */
final class ExecuteeRules {

    private ExecuteeRules() {
    }

    static DishonestExecutee read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, null);
        boolean person = subject.subjectCategory() == SubjectCategory.NATURAL_PERSON;
        String gender = in.text("gender", null, 8, person);
        Integer age = age(in);
        String duty = in.text("duty", null, 4000, true);
        DishonestExecutee.Performance performance = in.choice("performance", null, true, Vocabulary.PERFORMANCE);
        String behaviour = in.text("behaviour", null, 2000, true);
        String basisDocNo = in.text("basisDocNo", null, 128, true);
        String basisIssuer = in.text("basisIssuer", null, 200, true);
        String caseNo = in.text("caseNo", null, 128, true);
        LocalDate filedOn = in.date("filedOn", null, true);
        String court = in.text("court", null, 200, true);
        LocalDate publishedOn = in.date("publishedOn", null, true);
        in.notAfterReceipt(filedOn, "filedOn", null);
        in.notAfterReceipt(publishedOn, "publishedOn", null);
        in.order(filedOn, "filedOn", null, publishedOn, "publishedOn", null);
        return new DishonestExecutee(meta, subject, gender, age, duty, performance, behaviour, basisDocNo, basisIssuer,
                caseNo, filedOn, court, publishedOn);
    }

    private static Integer age(RecordInput in) {
        String v = in.code("age", null, 3, false);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,3}") || Integer.parseInt(v) > 150) {
            in.issues.error("E_FORMAT", "age", "age \"" + v + "\" is not an age in years (0–150)");
            return null;
        }
        return Integer.parseInt(v);
    }
}
