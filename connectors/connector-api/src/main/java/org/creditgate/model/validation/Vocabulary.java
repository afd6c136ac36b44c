package org.creditgate.model.validation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.creditgate.model.Commitment;
import org.creditgate.model.Dataset;
import org.creditgate.model.DishonestExecutee;
import org.creditgate.model.JointFeedback;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.License;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Objection;
import org.creditgate.model.Op;
import org.creditgate.model.Penalty;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;
import org.creditgate.model.SubjectCategory;

/**
 * The enumerated data items of domain.md §3, each in one place: the national labels a department may send and the
 * canonical values they map to. Label sets keep their order so that messages listing them are stable.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String ID_CARD = "身份证";

    static final Choice<SubjectCategory> SUBJECT_CATEGORY = Choice.<SubjectCategory>of("行政相对人类别")
            .add(SubjectCategory.LEGAL_ENTITY, "法人及非法人组织")
            .add(SubjectCategory.NATURAL_PERSON, "自然人")
            .add(SubjectCategory.INDIVIDUAL_BUSINESS, "个体工商户");

    /** 证件类型 (besides 其他-…). */
    static final Set<String> ID_TYPES = labels(ID_CARD, "护照号", "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
            "外国人永久居留身份证");

    /** 许可类别 (besides 其他-…). */
    static final Set<String> LICENSE_CATEGORIES = labels("普通", "特许", "认可", "核准", "登记");

    static final Choice<License.Status> LICENSE_STATUS = Choice.<License.Status>of("当前状态")
            .add(License.Status.VALID, "1", "有效").add(License.Status.INVALID, "2", "无效");

    /** 处罚类别 of 行政处罚法 (2021) art. 9, plus the two legacy kinds still in old feeds. */
    static final String FINE = "罚款";
    static final String CONFISCATE_GAINS = "没收违法所得";
    static final String CONFISCATE_PROPERTY = "没收非法财物";
    static final Set<String> LICENCE_KINDS = labels("暂扣许可证件", "吊销许可证件", "暂扣或者吊销许可证", "暂扣或者吊销执照");
    static final Set<String> PENALTY_KINDS = labels("警告", "通报批评", FINE, CONFISCATE_GAINS, CONFISCATE_PROPERTY,
            "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业",
            "行政拘留", "暂扣或者吊销许可证", "暂扣或者吊销执照");

    static final Choice<Penalty.Procedure> PROCEDURE = Choice.<Penalty.Procedure>of("程序")
            .add(Penalty.Procedure.SIMPLE, "简易", "简易程序").add(Penalty.Procedure.ORDINARY, "普通", "普通程序");
    static final Choice<Penalty.Severity> SEVERITY = Choice.<Penalty.Severity>of("失信程度")
            .add(Penalty.Severity.GENERAL, "一般", "一般失信").add(Penalty.Severity.SERIOUS, "严重", "严重失信");
    static final Choice<Boolean> YES_NO = Choice.<Boolean>of("Y/N")
            .add(Boolean.TRUE, "Y", "是", "TRUE").add(Boolean.FALSE, "N", "否", "FALSE");

    static final Choice<ListEntry.Kind> LIST_KIND = Choice.<ListEntry.Kind>of("名单类别")
            .add(ListEntry.Kind.RED, "红名单", "守信红名单")
            .add(ListEntry.Kind.BLACK, "黑名单", "严重失信主体名单")
            .add(ListEntry.Kind.WATCH, "重点关注名单");

    static final Choice<String> GENDER = Choice.<String>of("性别").add("男", "男", "男性").add("女", "女", "女性");
    static final Choice<DishonestExecutee.Performance> PERFORMANCE = Choice.<DishonestExecutee.Performance>of("履行情况")
            .add(DishonestExecutee.Performance.NONE, "全部未履行").add(DishonestExecutee.Performance.PARTIAL, "部分履行");

    static final Choice<Commitment.Type> COMMITMENT_TYPE = Choice.<Commitment.Type>of("承诺类型")
            .add(Commitment.Type.APPROVAL_SUBSTITUTE, "审批替代型")
            .add(Commitment.Type.TOLERANCE_ACCEPTANCE, "容缺受理型")
            .add(Commitment.Type.CERTIFICATION, "证明事项型")
            .add(Commitment.Type.CREDIT_REPAIR, "信用修复型")
            .add(Commitment.Type.INDUSTRY_SELF_DISCIPLINE, "行业自律型")
            .add(Commitment.Type.VOLUNTARY, "主动型")
            .add(Commitment.Type.OTHER, "其他");
    static final Choice<Commitment.Fulfilment> FULFILMENT = Choice.<Commitment.Fulfilment>of("承诺履行状态")
            .add(Commitment.Fulfilment.FULL, "全部履行").add(Commitment.Fulfilment.PARTIAL, "部分履行")
            .add(Commitment.Fulfilment.NONE, "全部未履行");
    static final Choice<Commitment.Disclosure> DISCLOSURE = Choice.<Commitment.Disclosure>of("公开类型")
            .add(Commitment.Disclosure.PUBLIC, "可向社会公开").add(Commitment.Disclosure.RESTRICTED, "特定范围内公开")
            .add(Commitment.Disclosure.NOT_PUBLIC, "不可公开");

    static final Choice<Dataset> DATASET = enumChoice("dataset", Dataset.values());
    static final Choice<Op> OP = Choice.<Op>of("op").add(Op.ADD, "新增").add(Op.UPDATE, "变更", "更正")
            .add(Op.DELETE, "删除", "撤销");
    static final Choice<Repair.Mode> REPAIR_MODE = Choice.<Repair.Mode>of("修复方式")
            .add(Repair.Mode.REMOVE_FROM_LIST, "移出名单").add(Repair.Mode.END_PENALTY_PUBLICATION, "终止公示行政处罚")
            .add(Repair.Mode.OTHER, "修复其他失信信息");
    static final Choice<Repair.Decision> REPAIR_DECISION = Choice.<Repair.Decision>of("修复决定")
            .add(Repair.Decision.APPROVED, "同意修复").add(Repair.Decision.REJECTED, "不予修复");
    static final Choice<Objection.Result> OBJECTION_RESULT = Choice.<Objection.Result>of("核实结果")
            .add(Objection.Result.CONFIRMED, "维持").add(Objection.Result.CORRECTED, "更正")
            .add(Objection.Result.REVOKED, "撤销");
    static final Choice<Shield.Cause> SHIELD_CAUSE = Choice.<Shield.Cause>of("屏蔽原因")
            .add(Shield.Cause.REPAIR, "信用修复").add(Shield.Cause.REVOKED, "撤销")
            .add(Shield.Cause.OBJECTION_REVOKED, "异议撤销").add(Shield.Cause.EXPIRED, "公示期满")
            .add(Shield.Cause.LIST_REMOVED, "移出名单").add(Shield.Cause.COURT_DELETED, "法院删除")
            .add(Shield.Cause.UPSTREAM_REPAIR, "上级平台修复");
    static final Choice<Shield.Scope> SHIELD_SCOPE = Choice.<Shield.Scope>of("屏蔽范围")
            .add(Shield.Scope.RECORD, "记录").add(Shield.Scope.PLATFORMS, "指定平台");
    static final Choice<LegalRepLink.Relation> RELATION = Choice.<LegalRepLink.Relation>of("关联关系")
            .add(LegalRepLink.Relation.LEGAL_REPRESENTATIVE, LegalRepLink.Relation.LEGAL_REPRESENTATIVE.label())
            .add(LegalRepLink.Relation.PRINCIPAL, LegalRepLink.Relation.PRINCIPAL.label());
    static final Choice<JointFeedback.Role> FEEDBACK_ROLE = Choice.<JointFeedback.Role>of("角色")
            .add(JointFeedback.Role.INITIATOR, "发起部门").add(JointFeedback.Role.IMPLEMENTER, "实施部门");

    @SafeVarargs
    private static <E extends Enum<E>> Choice<E> enumChoice(String what, E... values) {
        Choice<E> c = Choice.of(what);
        for (E v : values) {
            c.add(v, v.name());
        }
        return c;
    }

    private static Set<String> labels(String... labels) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(labels)));
    }
}
