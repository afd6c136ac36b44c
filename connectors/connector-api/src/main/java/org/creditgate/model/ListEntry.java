package org.creditgate.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry on a 名单 (dataset LIST), domain.md §3.4: 守信红名单, 严重失信主体名单 (黑名单) or 重点关注名单.
 *
 * @param listKind         名单类别
 * @param listName         名单名称, e.g. 纳税信用A级纳税人
 * @param reason           列入原因 / 失信行为 (required for BLACK and WATCH)
 * @param basis            认定依据 (文件/条款)
 * @param basisDocNo       认定依据文号
 * @param decidingUnit     认定部门 (the 发起部门)
 * @param decidingUnitUscc 认定部门统一社会信用代码
 * @param listedOn         列入日期
 * @param listedUntil      有效期至
 * @param removedOn        移出日期 (required when op = DELETE)
 * @param removalReason    移出原因 (required when op = DELETE)
 * @param measureCodes     惩戒/激励措施代码
 * @param relation         关联关系 (gateway field): set only on a person entry linked to an organisation's entry
 *                         ({@link LegalRepLink}), null otherwise
 * @param linkedRecordId   the organisation entry a linked entry was derived from (gateway field)
 */
public record ListEntry(RecordMeta meta, Subject subject, Kind listKind, String listName, String reason,
        String basis, String basisDocNo, String decidingUnit, String decidingUnitUscc, LocalDate listedOn,
        LocalDate listedUntil, LocalDate removedOn, String removalReason, List<String> measureCodes,
        LegalRepLink.Relation relation, String linkedRecordId) implements CreditRecord {

    public ListEntry {
        measureCodes = measureCodes == null ? List.of() : List.copyOf(measureCodes);
    }

    /** 名单类别. */
    public enum Kind {
        /** 守信红名单. */
        RED,
        /** 严重失信主体名单 (黑名单). */
        BLACK,
        /** 重点关注名单. */
        WATCH
    }

    @Override
    public Dataset dataset() {
        return Dataset.LIST;
    }

    @Override
    public ListEntry withMeta(RecordMeta m) {
        return new ListEntry(m, subject, listKind, listName, reason, basis, basisDocNo, decidingUnit,
                decidingUnitUscc, listedOn, listedUntil, removedOn, removalReason, measureCodes, relation,
                linkedRecordId);
    }

    @Override
    public String businessKey() {
        return relation == null ? CreditRecord.key(decidingUnitUscc, listName, subject.key(), listedOn)
                : CreditRecord.key(decidingUnitUscc, listName, subject.key(), listedOn, relation, linkedRecordId);
    }
}
