package org.creditgate.model.validation;

import static org.creditgate.model.validation.LicenseFields.AUTHORITY;
import static org.creditgate.model.validation.LicenseFields.AUTHORITY_USCC;
import static org.creditgate.model.validation.LicenseFields.CATEGORY;
import static org.creditgate.model.validation.LicenseFields.CERT_NAME;
import static org.creditgate.model.validation.LicenseFields.CERT_NO;
import static org.creditgate.model.validation.LicenseFields.CONTENT;
import static org.creditgate.model.validation.LicenseFields.DECISION_DATE;
import static org.creditgate.model.validation.LicenseFields.DOC_NAME;
import static org.creditgate.model.validation.LicenseFields.DOC_NO;
import static org.creditgate.model.validation.LicenseFields.REMARK;
import static org.creditgate.model.validation.LicenseFields.SOURCE;
import static org.creditgate.model.validation.LicenseFields.SOURCE_USCC;
import static org.creditgate.model.validation.LicenseFields.STATUS;
import static org.creditgate.model.validation.LicenseFields.VALID_FROM;
import static org.creditgate.model.validation.LicenseFields.VALID_TO;

import java.time.LocalDate;

import org.creditgate.model.License;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 行政许可 rules (domain.md §3.2) beyond its field table {@link LicenseFields}. */
final class LicenseRules {

    private LicenseRules() {
    }

    static License read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.LICENSE);
        String docName = in.text(DOC_NAME);
        String docNo = in.text(DOC_NO);
        String category = in.choiceOrOther(CATEGORY, Vocabulary.LICENSE_CATEGORIES, "许可类别");
        String certName = in.text(CERT_NAME);
        String certNo = in.text(CERT_NO);
        String content = in.text(CONTENT);
        LocalDate decided = in.date(DECISION_DATE);
        LocalDate from = in.date(VALID_FROM);
        LocalDate to = in.date(VALID_TO);
        String authority = in.text(AUTHORITY);
        String authorityUscc = in.uscc(AUTHORITY_USCC);
        License.Status status = in.choice(STATUS, Vocabulary.LICENSE_STATUS);
        String source = in.text(SOURCE);
        String sourceUscc = in.uscc(SOURCE_USCC);
        String remark = in.text(REMARK);

        if (certName != null) {
            in.requireBecause(CERT_NO, certNo, "when a certificate (" + in.name(CERT_NAME) + ") is given");
        }
        DateRules.notAfterReceipt(in, decided, DECISION_DATE);
        DateRules.order(in, from, VALID_FROM, to, VALID_TO);
        DateRules.order(in, decided, DECISION_DATE, to, VALID_TO);
        PublicationRules.lateReport(in, meta.op(), decided, DECISION_DATE);
        return new License(meta, subject, docName, docNo, category, certName, certNo, content, decided, from, to,
                authority, authorityUscc, status, source, sourceUscc, remark);
    }
}
