package org.creditgate.model.routing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.Penalty;

/**
 * Which upstream platforms (上报平台) receive a record. Two layers, kept apart on purpose:
 * <ul>
 * <li>the <b>routing table</b> — which datasets each upstream takes — is configuration
 *     ({@code etc/org.creditgate.routing.cfg}), because it differs per province and changes by notice;</li>
 * <li>the <b>publication regimes</b> are domain rules and live here: a public-disclosure target never receives a
 *     record its department marked not publishable, and GSXT (SAMR 令第45号, domain.md §5.3) publishes only 普通程序
 *     penalties that are more than a warning; a person record linked to an organisation's (法定代表人, domain.md
 *     §6.4) goes only to SHARING targets. A regime that excludes a record leaves the other targets unchanged.</li>
 * </ul>
 */
public final class UpstreamRouting {

    /** An upstream platform, the regime it applies and when it takes records. */
    public record Upstream(String id, Set<Dataset> datasets, Regime regime, PushSchedule schedule) {
        public Upstream {
            datasets = Collections.unmodifiableSet(EnumSet.copyOf(datasets.isEmpty() ? EnumSet.noneOf(Dataset.class)
                    : datasets));
            Objects.requireNonNull(schedule, "schedule");
        }

        /** An upstream that takes records as they come. */
        public Upstream(String id, Set<Dataset> datasets, Regime regime) {
            this(id, datasets, regime, PushSchedule.ALWAYS);
        }
    }

    /** Publication regime of a target, domain.md §5.3. */
    public enum Regime {
        /** Government data sharing (province, national platform): every record of its datasets. */
        SHARING,
        /** Public disclosure (信用中国): only what the department allows to be published. */
        PUBLIC,
        /** GSXT (SAMR 令第45号): public, and no 简易程序 or warning-only penalties. */
        GSXT
    }

    private static final String WARNING = "警告";

    private final Map<String, Upstream> upstreams;

    public UpstreamRouting(List<Upstream> upstreams) {
        Map<String, Upstream> m = new LinkedHashMap<>();
        upstreams.forEach(u -> m.put(u.id(), u));
        this.upstreams = Collections.unmodifiableMap(m);
    }

    public Map<String, Upstream> upstreams() {
        return upstreams;
    }

    /** The upstream ids that must receive this record version, in table order. */
    public Set<String> targets(CreditRecord record) {
        Set<String> out = new LinkedHashSet<>();
        for (Upstream u : upstreams.values()) {
            if (u.datasets().contains(record.dataset()) && admits(u.regime(), record)) {
                out.add(u.id());
            }
        }
        return out;
    }

    static boolean admits(Regime regime, CreditRecord record) {
        if (LegalRepLink.isLinked(record)) {
            // a legal representative's linked record is shared between governments, never published (§6.4)
            return regime == Regime.SHARING;
        }
        return switch (regime) {
            case SHARING -> true;
            case PUBLIC -> publishable(record);
            case GSXT -> publishable(record) && !(record instanceof Penalty p && excludedByGsxt(p));
        };
    }

    private static boolean publishable(CreditRecord record) {
        return !(record instanceof Penalty p) || !Boolean.FALSE.equals(p.publish());
    }

    /** 令第45号: only 普通程序, and a penalty that is only a warning is not published. */
    private static boolean excludedByGsxt(Penalty p) {
        boolean warningOnly = !p.penaltyKinds().isEmpty() && p.penaltyKinds().stream().allMatch(WARNING::equals);
        return p.procedure() == Penalty.Procedure.SIMPLE || warningOnly;
    }
}
