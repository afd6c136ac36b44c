package org.creditgate.core.objection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.creditgate.ledger.ObjectionEntry;

/**
 * The objection as departments and operators see it (pull API, event body, shell): no payload, so no personal ID
 * number of the applicant or subject can leak; the contested record is named by its gateway id.
 */
public final class ObjectionEvents {

    private ObjectionEvents() {
    }

    public static Map<String, Object> view(ObjectionEntry o, boolean overdue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objectionId", o.objectionId());
        m.put("status", o.status().name());
        m.put("targetRecordId", o.targetRecordId());
        m.put("targetDataset", o.targetDataset());
        m.put("targetVersion", o.targetVersion());
        m.put("provider", o.provider());
        m.put("openedBy", o.source());
        m.put("submittedOn", o.submittedOn().toString());
        m.put("forwardedOn", o.forwardedOn().toString());
        m.put("dueOn", o.dueOn().toString());
        m.put("objectionPending", o.pending());
        // what "suspended" means in the gateway: see ObjectionWorkflow
        m.put("jointPunishmentSuspended", o.pending());
        m.put("overdue", overdue);
        m.put("resultOn", o.resultOn() == null ? null : o.resultOn().toString());
        m.put("correctedVersion", o.correctedVersion());
        m.put("openedAt", o.openedAt().toString());
        m.put("resolvedAt", o.resolvedAt() == null ? null : o.resolvedAt().toString());
        m.put("overdueAlertedAt", o.overdueAlertedAt() == null ? null : o.overdueAlertedAt().toString());
        m.put("objectionRecordId", o.recordId());
        return m;
    }
}
