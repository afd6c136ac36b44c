package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.License;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 行政许可 data items and rules (domain.md §3.2). */
final class LicenseRules {

    static final String PREFIX = "XK_";

    private LicenseRules() {
    }

    static License read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, PREFIX);
        String docName = in.text("decisionDocName", "XK_XKWS", 256, true);
        String docNo = in.text("decisionDocNo", "XK_WSH", 128, true);
        String category = in.choiceOrOther("licenseCategory", "XK_XKLB", 64, true, Vocabulary.LICENSE_CATEGORIES, "许可类别");
        String certName = in.text("certName", "XK_XKZS", 256, false);
        String certNo = in.text("certNo", "XK_XKBH", 128, false);
        String content = in.text("content", "XK_NR", 4000, true);
        LocalDate decided = in.date("decisionDate", "XK_JDRQ", true);
        LocalDate from = in.date("validFrom", "XK_YXQZ", true);
        LocalDate to = in.date("validTo", "XK_YXQZI", true);
        String authority = in.text("authorityName", "XK_XKJG", 200, true);
        String authorityUscc = in.uscc("authorityUscc", "XK_XKJGDM", true);
        License.Status status = in.choice("status", "XK_ZT", true, Vocabulary.LICENSE_STATUS);
        String source = in.text("sourceUnit", "XK_LYDW", 200, true);
        String sourceUscc = in.uscc("sourceUnitUscc", "XK_LYDWDM", true);
        String remark = in.text("remark", "BZ", 512, false);
        if (certName != null && certNo == null) {
            String f = in.name("certNo", "XK_XKBH");
            in.issues.error("E_COND_REQUIRED", f, f + " is required when a certificate (" + in.name("certName", "XK_XKZS")
                    + ") is given");
        }
        in.notAfterReceipt(decided, "decisionDate", "XK_JDRQ");
        in.order(from, "validFrom", "XK_YXQZ", to, "validTo", "XK_YXQZI");
        in.order(decided, "decisionDate", "XK_JDRQ", to, "validTo", "XK_YXQZI");
        PublicationRules.lateReport(in, decided, "decisionDate", "XK_JDRQ");
        return new License(meta, subject, docName, docNo, category, certName, certNo, content, decided, from, to,
                authority, authorityUscc, status, source, sourceUscc, remark);
    }
}
