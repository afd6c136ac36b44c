package org.creditgate.model.validation;

import java.util.List;

/**
 * The configurable part of the repair checks ({@link RepairChecks}).
 *
 * @param noEarlyRepair      特定严重失信: a 严重失信 penalty whose 违法行为类型 or 违法事实 contains one of these words is
 *                           published for its full maximum period and cannot be repaired early (E_REPAIR_NOT_ALLOWED)
 * @param requireCommitment  whether an early repair needs a 信用修复型 承诺 (its commitmentCode), as 527号 and 令第58号
 *                           require
 */
public record RepairPolicy(List<String> noEarlyRepair, boolean requireCommitment) {

    /**
     * The fields the seeds name for 严重失信 that endangers health and life (seed 000 §(一) 一, seed 001 §(十二) 一: 食品药品、
     * 生态环境、工程质量、安全生产、消防安全、强制性产品认证), which 527号 singles out as not repairable early.
     */
    public static final List<String> DEFAULT_NO_EARLY_REPAIR = List.of("食品", "药品", "生态环境", "环境保护",
            "工程质量", "安全生产", "消防安全", "强制性产品认证");

    public static final RepairPolicy DEFAULT = new RepairPolicy(DEFAULT_NO_EARLY_REPAIR, true);

    public RepairPolicy {
        noEarlyRepair = noEarlyRepair == null ? List.of()
                : noEarlyRepair.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    /** A comma-separated word list (full-width commas too), as a .cfg file holds it. */
    public static List<String> words(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.replace('，', ',').replace('、', ',').split(",")).stream().map(String::strip)
                .filter(w -> !w.isEmpty()).toList();
    }
}
