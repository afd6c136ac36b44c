package org.creditgate.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 屏蔽 (dataset SHIELD): stop publishing a record on every platform that received it (保障信用修复信息同步屏蔽),
 * domain.md §3.7 and §6.
 *
 * @param shieldId       屏蔽编号 (idempotency key: same id, same acknowledgement)
 * @param targetDataset  dataset of the shielded record
 * @param targetRecordId gateway id of the shielded record
 * @param targetBusinessKey business key of the shielded record, for platforms that do not know gateway ids
 * @param cause          屏蔽原因
 * @param effectiveAt    生效时间
 * @param decisionRef    依据 (decision document, court notice …)
 * @param targets        platform ids to shield on (the record's publishedTo set); empty = every platform holding it
 * @param scope          屏蔽范围: the whole record (default) or only the named platforms
 */
public record Shield(RecordMeta meta, Subject subject, String shieldId, Dataset targetDataset, String targetRecordId,
        String targetBusinessKey, Cause cause, OffsetDateTime effectiveAt, String decisionRef, List<String> targets,
        Scope scope) implements CreditRecord {

    public Shield {
        targets = targets == null ? List.of() : List.copyOf(targets);
        scope = scope == null ? Scope.RECORD : scope;
    }

    /** 屏蔽范围: where a shield takes effect. */
    public enum Scope {
        /** The record: no longer published locally, nor on the platforms holding it (all, or the named ones). */
        RECORD,
        /**
         * Only the named platforms: a platform's own publication period ended before the local one (GSXT's 3 months
         * under 令第45号 against NDRC's year); the record stays published locally and on the other platforms.
         */
        PLATFORMS
    }

    /** 屏蔽原因. */
    public enum Cause {
        /** 信用修复. */
        REPAIR,
        /** 撤销 (复议/诉讼/自纠). */
        REVOKED,
        /** 异议核实后撤销. */
        OBJECTION_REVOKED,
        /** 公示期满. */
        EXPIRED,
        /** 移出名单. */
        LIST_REMOVED,
        /** 法院删除失信信息. */
        COURT_DELETED,
        /** 上级平台修复. */
        UPSTREAM_REPAIR
    }

    @Override
    public Dataset dataset() {
        return Dataset.SHIELD;
    }

    @Override
    public Shield withMeta(RecordMeta m) {
        return new Shield(m, subject, shieldId, targetDataset, targetRecordId, targetBusinessKey, cause, effectiveAt,
                decisionRef, targets, scope);
    }

    @Override
    public String businessKey() {
        return shieldId;
    }

    @Override
    public String subjectKey() {
        // a shield is ordered with the record it shields, whose subject may not be repeated here
        return subject == null ? "R:" + targetRecordId : CreditRecord.super.subjectKey();
    }
}
