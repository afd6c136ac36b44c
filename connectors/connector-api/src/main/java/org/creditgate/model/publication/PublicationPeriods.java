package org.creditgate.model.publication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.ListEntry;
import org.creditgate.model.Penalty;
import org.creditgate.model.SubjectCategory;
import org.creditgate.model.routing.UpstreamRouting;

/**
 * 公示期限: derives a record's {@link PublicationPeriod} per target regime (domain.md §5.3).
 *
 * <p>Choices, where the sources leave room:
 * <ul>
 * <li><b>Which NDRC rule</b>: the one in force on the penalty's decision date (before 2019-07-01: 1171号; before
 * 2023-05-01: 527号; from then: 令第58号). A rule is not applied retroactively to decisions taken under an earlier one,
 * and the decision date is the one date every party knows. Local publication, 信用中国 ({@link
 * UpstreamRouting.Regime#PUBLIC}) and the sharing platforms ({@link UpstreamRouting.Regime#SHARING}) follow it;
 * GSXT ({@link UpstreamRouting.Regime#GSXT}) follows 令第45号.</li>
 * <li><b>Severity</b>: 严重失信 only when the provider marked the penalty so; an unmarked penalty is 一般失信 (the
 * provider decides severity, domain.md §3.3).</li>
 * <li><b>公示截止期</b> given by the department: the smaller of it and the computed end is kept (domain.md §3.3).</li>
 * <li><b>令第45号 较低数额罚款</b>: a penalty whose kinds are only 警告, 通报批评 and 罚款, with a fine below the
 * province's threshold (自然人 and 个体工商户: the person threshold; others: the organisation threshold). Anything
 * else is 3 years, or the actual term ({@code effectiveUntil}) of a 限制开展生产经营活动 / 限制从业 that runs longer.</li>
 * <li><b>Which datasets expire</b>: PENALTY by these regimes; LIST on its 有效期至 (listedUntil), the deciding unit's
 * own end date, for every target alike; an entry without one stays until the unit removes it. DISHONEST_EXECUTEE
 * does not expire here: its 2-year term can be extended by the court (1–3 years, 法释〔2017〕7号) and the gateway never
 * sees the extension, so only the court's deletion (COURT_DELETED) ends it. Other datasets are not publications of
 * 失信 and are not expired.</li>
 * </ul>
 */
public final class PublicationPeriods {

    /** 发改办财金〔2019〕527号 in force. */
    public static final LocalDate NDRC_2019_FROM = LocalDate.of(2019, 7, 1);
    /** 国家发展改革委令第58号 in force. */
    public static final LocalDate NDRC_2023_FROM = LocalDate.of(2023, 5, 1);

    private static final String WARNING = "警告";
    private static final String CRITICISM = "通报批评";
    private static final String FINE = "罚款";
    private static final Set<String> LOW_KINDS = Set.of(WARNING, CRITICISM, FINE);
    private static final Set<String> RESTRICTIONS = Set.of("限制开展生产经营活动", "限制从业");
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    private final BigDecimal lowFinePersonYuan;
    private final BigDecimal lowFineOrgYuan;

    /**
     * @param lowFinePersonYuan 令第45号 较低数额罚款 for 自然人 / 个体工商户: a fine below this many yuan
     * @param lowFineOrgYuan    the same for 法人及非法人组织
     */
    public PublicationPeriods(BigDecimal lowFinePersonYuan, BigDecimal lowFineOrgYuan) {
        if (lowFinePersonYuan.signum() < 0 || lowFineOrgYuan.signum() < 0) {
            throw new IllegalArgumentException("较低数额罚款 thresholds must not be negative");
        }
        this.lowFinePersonYuan = lowFinePersonYuan;
        this.lowFineOrgYuan = lowFineOrgYuan;
    }

    /** The thresholds of the Guizhou and Fujian notices (person below ¥5,000, organisation below ¥50,000). */
    public static PublicationPeriods withDefaults() {
        return new PublicationPeriods(BigDecimal.valueOf(5_000), BigDecimal.valueOf(50_000));
    }

    /** The NDRC rule in force on a decision date. */
    public static PublicationRegime ndrcRegime(LocalDate decisionDate) {
        if (decisionDate.isBefore(NDRC_2019_FROM)) {
            return PublicationRegime.NDRC_2017;
        }
        return decisionDate.isBefore(NDRC_2023_FROM) ? PublicationRegime.NDRC_2019 : PublicationRegime.NDRC_2023;
    }

    /** A penalty's period under the NDRC rule of its decision date (local publication, 信用中国, sharing). */
    public static PublicationPeriod ndrc(Penalty p) {
        LocalDate start = p.decisionDate();
        boolean serious = p.severity() == Penalty.Severity.SERIOUS;
        PublicationRegime regime = ndrcRegime(start);
        LocalDate max = start.plusYears(serious ? 3 : 1);
        LocalDate min = switch (regime) {
            case NDRC_2017 -> max;
            case NDRC_2019 -> start.plusMonths(serious ? 6 : 3);
            default -> serious ? start.plusYears(1) : start.plusMonths(3);
        };
        if (p.publishUntil() != null && p.publishUntil().isBefore(max)) {
            max = p.publishUntil().isBefore(start) ? start : p.publishUntil();
            min = min.isAfter(max) ? max : min;
        }
        return new PublicationPeriod(regime, start, min, max);
    }

    /**
     * A penalty's period at GSXT (令第45号), counted from the day GSXT published it. The minimum equals the maximum:
     * early repair at GSXT is not modelled.
     */
    public PublicationPeriod gsxt(Penalty p, LocalDate publishedOn) {
        LocalDate max = lowAmount(p) ? publishedOn.plusMonths(3) : publishedOn.plusYears(3);
        if (p.penaltyKinds().stream().anyMatch(RESTRICTIONS::contains) && p.effectiveUntil() != null
                && p.effectiveUntil().isAfter(max)) {
            max = p.effectiveUntil();
        }
        return new PublicationPeriod(PublicationRegime.SAMR_45, publishedOn, max, max);
    }

    /**
     * The period of a record at a target of the given regime, or empty when the record does not expire there (see
     * the class comment for which datasets expire).
     *
     * @param publishedOn the day the target published it (GSXT counts from it; null: GSXT has not published it, and
     *                    it has no period there yet); the others ignore it
     */
    public Optional<PublicationPeriod> at(UpstreamRouting.Regime regime, CreditRecord record, LocalDate publishedOn) {
        if (record instanceof Penalty p && p.decisionDate() != null) {
            if (regime != UpstreamRouting.Regime.GSXT) {
                return Optional.of(ndrc(p));
            }
            // GSXT counts from its own publication: what it never published has not started there
            return Optional.ofNullable(publishedOn).map(on -> gsxt(p, on));
        }
        return listValidity(record);
    }

    /** The period of local publication (the city credit site): the NDRC rule, or a list entry's validity. */
    public Optional<PublicationPeriod> local(CreditRecord record) {
        if (record instanceof Penalty p && p.decisionDate() != null) {
            return Optional.of(ndrc(p));
        }
        return listValidity(record);
    }

    private static Optional<PublicationPeriod> listValidity(CreditRecord record) {
        if (record instanceof ListEntry l && l.listedUntil() != null && l.listedOn() != null) {
            return Optional.of(new PublicationPeriod(PublicationRegime.LIST_VALIDITY, l.listedOn(), l.listedUntil(),
                    l.listedUntil()));
        }
        return Optional.empty();
    }

    /** 仅通报批评, or 较低数额罚款 (possibly with a warning or a criticism). */
    boolean lowAmount(Penalty p) {
        List<String> kinds = p.penaltyKinds();
        if (kinds.isEmpty() || !LOW_KINDS.containsAll(kinds)) {
            return false;
        }
        if (!kinds.contains(FINE)) {
            return kinds.contains(CRITICISM);
        }
        if (p.fineAmount() == null) {
            return false;
        }
        boolean person = p.subject() != null && (p.subject().subjectCategory() == SubjectCategory.NATURAL_PERSON
                || p.subject().subjectCategory() == SubjectCategory.INDIVIDUAL_BUSINESS);
        BigDecimal yuan = p.fineAmount().multiply(YUAN_PER_WAN);
        return yuan.compareTo(person ? lowFinePersonYuan : lowFineOrgYuan) < 0;
    }
}
