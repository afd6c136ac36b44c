package org.creditgate.model.validation;

import static org.creditgate.model.validation.ListFields.BASIS;
import static org.creditgate.model.validation.ListFields.BASIS_DOC_NO;
import static org.creditgate.model.validation.ListFields.KIND;
import static org.creditgate.model.validation.ListFields.LISTED_ON;
import static org.creditgate.model.validation.ListFields.LISTED_UNTIL;
import static org.creditgate.model.validation.ListFields.MEASURES;
import static org.creditgate.model.validation.ListFields.NAME;
import static org.creditgate.model.validation.ListFields.REASON;
import static org.creditgate.model.validation.ListFields.REMOVAL_REASON;
import static org.creditgate.model.validation.ListFields.REMOVED_ON;
import static org.creditgate.model.validation.ListFields.UNIT;
import static org.creditgate.model.validation.ListFields.UNIT_USCC;

import java.time.LocalDate;

import org.creditgate.model.ListEntry;
import org.creditgate.model.Op;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 名单 entry rules (domain.md §3.4) beyond its field table {@link ListFields}. */
final class ListRules {

    private ListRules() {
    }

    static ListEntry read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.CANONICAL);
        ListEntry.Kind kind = in.choice(KIND, Vocabulary.LIST_KIND);
        String listName = in.text(NAME);
        String reason = in.text(REASON);
        String basis = in.text(BASIS);
        String basisDocNo = in.text(BASIS_DOC_NO);
        String unit = in.text(UNIT);
        String unitUscc = in.uscc(UNIT_USCC);
        LocalDate listedOn = in.date(LISTED_ON);
        LocalDate listedUntil = in.date(LISTED_UNTIL);
        LocalDate removedOn = in.date(REMOVED_ON);
        String removalReason = in.text(REMOVAL_REASON);
        LinkFields.Link link = LinkFields.read(in, subject);

        if (kind == ListEntry.Kind.BLACK || kind == ListEntry.Kind.WATCH) {
            // a punitive listing must say what the subject did; a 红名单 entry has no 失信行为
            in.requireFor(REASON, reason, "for a 黑名单 or 重点关注名单 entry (列入原因 / 失信行为)");
        }
        if (meta.op() == Op.DELETE) {
            in.requireBecause(REMOVED_ON, removedOn, "when op is DELETE (移出日期)");
            in.requireBecause(REMOVAL_REASON, removalReason, "when op is DELETE (移出原因)");
        }
        DateRules.notAfterReceipt(in, listedOn, LISTED_ON);
        DateRules.notAfterReceipt(in, removedOn, REMOVED_ON);
        DateRules.order(in, listedOn, LISTED_ON, listedUntil, LISTED_UNTIL);
        DateRules.order(in, listedOn, LISTED_ON, removedOn, REMOVED_ON);
        return new ListEntry(meta, subject, kind, listName, reason, basis, basisDocNo, unit, unitUscc, listedOn,
                listedUntil, removedOn, removalReason, in.list(MEASURES), link.relation(), link.linkedRecordId());
    }
}
