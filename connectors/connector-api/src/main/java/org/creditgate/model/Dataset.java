package org.creditgate.model;

/** The kinds of credit information the gateway carries (数据集), domain.md §3. */
public enum Dataset {
    /** 行政许可 (双公示, field prefix XK_). */
    LICENSE,
    /** 行政处罚 (双公示, field prefix CF_). */
    PENALTY,
    /** 红名单 / 黑名单 (严重失信主体名单) / 重点关注名单 entries. */
    LIST,
    /** 失信被执行人 (from the courts). */
    DISHONEST_EXECUTEE,
    /** 信用承诺. */
    COMMITMENT,
    /** 信用修复 application or result. */
    REPAIR,
    /** 异议 (objection) and its verification result. */
    OBJECTION,
    /** 屏蔽: stop publishing a record everywhere it was sent. */
    SHIELD,
    /** 联合奖惩反馈 (monthly joint reward/punishment feedback). */
    JOINT_FEEDBACK
}
