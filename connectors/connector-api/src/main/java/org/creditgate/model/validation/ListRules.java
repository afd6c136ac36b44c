package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.ListEntry;
import org.creditgate.model.Op;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 名单 entries (domain.md §3.4). */
final class ListRules {

    private ListRules() {
    }

    static ListEntry read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, null);
        ListEntry.Kind kind = in.choice("listKind", null, true, Vocabulary.LIST_KIND);
        String listName = in.text("listName", null, 200, true);
        boolean punitive = kind == ListEntry.Kind.BLACK || kind == ListEntry.Kind.WATCH;
        String reason = in.text("reason", null, 2000, punitive);
        String basis = in.text("basis", null, 2000, true);
        String basisDocNo = in.text("basisDocNo", null, 128, true);
        String unit = in.text("decidingUnit", null, 200, true);
        String unitUscc = in.uscc("decidingUnitUscc", null, true);
        LocalDate listedOn = in.date("listedOn", null, true);
        LocalDate listedUntil = in.date("listedUntil", null, false);
        boolean removal = meta.op() == Op.DELETE;
        LocalDate removedOn = in.date("removedOn", null, false);
        String removalReason = in.text("removalReason", null, 2000, false);
        if (removal && removedOn == null && !in.issues.failed("removedOn")) {
            in.issues.error("E_COND_REQUIRED", "removedOn", "removedOn (移出日期) is required when op is DELETE");
        }
        if (removal && removalReason == null && !in.issues.failed("removalReason")) {
            in.issues.error("E_COND_REQUIRED", "removalReason", "removalReason (移出原因) is required when op is DELETE");
        }
        in.notAfterReceipt(listedOn, "listedOn", null);
        in.order(listedOn, "listedOn", null, listedUntil, "listedUntil", null);
        in.order(listedOn, "listedOn", null, removedOn, "removedOn", null);
        return new ListEntry(meta, subject, kind, listName, reason, basis, basisDocNo, unit, unitUscc, listedOn,
                listedUntil, removedOn, removalReason, in.list("measureCodes", null));
    }
}
