package org.creditgate.core.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.creditgate.core.reconcile.Discrepancy.Kind;
import org.creditgate.ledger.AutoResends;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.UpstreamDelivery;
import org.creditgate.ledger.VersionRef;
import org.creditgate.spi.delivery.UpstreamHoldings.Holding;

/**
 * The comparison of reconciliation, a pure function: the ledger's deliveries to one upstream against the upstream's
 * holdings, per record — the last version we delivered (SUPPRESSED ones never go out and do not count; shields are
 * proven by their own proof, not by holdings) against the
 * version the upstream holds. Decides what should be done; {@link Reconciler} does it.
 *
 * <ul>
 * <li>last version ACCEPTED, nothing held → {@link Kind#MISSING}: resend it (same recordId+version);</li>
 * <li>last version ACCEPTED, an older one held → {@link Kind#VERSION_MISMATCH}: resend the latest;</li>
 * <li>a newer version held than we ever sent → {@link Kind#VERSION_MISMATCH}: alert (nothing to resend);</li>
 * <li>last version UNKNOWN → {@link Kind#UNKNOWN_RECEIPT}: status query, then settle or resend;</li>
 * <li>held but never delivered by us → {@link Kind#UNKNOWN_TO_US}: alert;</li>
 * <li>QUEUED/SENT (in flight) and REJECTED (the department was told) are counted, not discrepancies.</li>
 * </ul>
 * A resend is automatic at most {@code maxResends} times per record version; then it is dead-lettered once, and
 * waits for an operator until the delivery moves again (a DLQ replay).
 */
public final class Comparison {

    /** What should be done about a finding. */
    public enum Plan {
        RESEND,
        STATUS_QUERY,
        DEAD_LETTER,
        AWAIT_OPERATOR,
        ALERT
    }

    /** One discrepancy before anything was done about it. */
    public record Finding(String dataset, String recordId, Kind kind, Integer ourVersion, Integer theirVersion,
            DeliveryState ourState, Plan plan, int tries, String detail, Instant ourUpdatedAt) {

        VersionRef ref() {
            return new VersionRef(recordId, ourVersion);
        }
    }

    /** Counts per dataset (discrepancy counts included, action counts zero) and the findings, by dataset and id. */
    public record Result(Map<String, Counts> datasets, List<Finding> findings) {
    }

    private Comparison() {
    }

    private static final String SHIELD = "SHIELD";

    public static Result compare(List<UpstreamDelivery> ours, List<Holding> theirs, Map<VersionRef, AutoResends> resends,
            int maxResends) {
        Map<String, UpstreamDelivery> last = new HashMap<>();
        for (UpstreamDelivery d : ours) {
            // a shield is not a holding: the upstream keeps it on the record it shields, and the shield's own proof
            // and SLA watch (ShieldWatch) see to its delivery; comparing it here would resend it as data
            if (d.delivery().state() == DeliveryState.SUPPRESSED || SHIELD.equals(d.dataset())) {
                continue;
            }
            last.merge(d.delivery().recordId(), d, (a, b) -> a.delivery().version() >= b.delivery().version() ? a : b);
        }
        Map<String, Holding> held = new HashMap<>();
        for (Holding h : theirs) {
            held.merge(h.recordId(), h, (a, b) -> a.version() >= b.version() ? a : b);
        }
        Map<String, int[]> counts = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Holding h : held.values()) {
            count(counts, h.dataset())[HELD]++;
        }
        for (UpstreamDelivery u : last.values()) {
            Delivery d = u.delivery();
            int[] c = count(counts, u.dataset());
            Holding h = held.get(d.recordId());
            Integer theirVersion = h == null ? null : h.version();
            AutoResends r = resends.get(new VersionRef(d.recordId(), d.version()));
            int tries = r == null ? 0 : r.tries();
            switch (d.state()) {
                case QUEUED -> c[IN_FLIGHT]++;
                case SENT -> {
                    c[SENT]++;
                    c[IN_FLIGHT]++;
                }
                case REJECTED -> {
                    c[SENT]++;
                    c[REJECTED]++;
                }
                case UNKNOWN -> {
                    c[SENT]++;
                    c[UNKNOWN]++;
                    findings.add(new Finding(u.dataset(), d.recordId(), Kind.UNKNOWN_RECEIPT, d.version(), theirVersion,
                            d.state(), Plan.STATUS_QUERY, tries, "no receipt in time", d.updatedAt()));
                }
                case ACCEPTED -> {
                    c[SENT]++;
                    c[ACCEPTED]++;
                    if (h == null) {
                        c[MISSING]++;
                        findings.add(new Finding(u.dataset(), d.recordId(), Kind.MISSING, d.version(), null, d.state(),
                                resendOrGiveUp(tries, maxResends, r, d.updatedAt()), tries,
                                "acknowledged by the upstream but not held", d.updatedAt()));
                    } else if (h.version() < d.version()) {
                        c[MISMATCH]++;
                        findings.add(new Finding(u.dataset(), d.recordId(), Kind.VERSION_MISMATCH, d.version(),
                                h.version(), d.state(), resendOrGiveUp(tries, maxResends, r, d.updatedAt()), tries,
                                "the upstream holds an older version than it acknowledged", d.updatedAt()));
                    } else if (h.version() > d.version()) {
                        c[MISMATCH]++;
                        findings.add(new Finding(u.dataset(), d.recordId(), Kind.VERSION_MISMATCH, d.version(),
                                h.version(), d.state(), Plan.ALERT, tries,
                                "the upstream holds a newer version than the gateway ever sent it", d.updatedAt()));
                    }
                }
                default -> throw new IllegalStateException("unexpected delivery state " + d.state());
            }
        }
        for (Holding h : held.values()) {
            if (!last.containsKey(h.recordId())) {
                count(counts, h.dataset())[UNKNOWN_TO_US]++;
                findings.add(new Finding(h.dataset(), h.recordId(), Kind.UNKNOWN_TO_US, null, h.version(), null,
                        Plan.ALERT, 0, "held by the upstream but never delivered to it by the gateway", null));
            }
        }
        findings.sort(Comparator.comparing(Finding::dataset).thenComparing(Finding::recordId));
        Map<String, Counts> datasets = new TreeMap<>();
        counts.forEach((k, c) -> datasets.put(k, new Counts(c[SENT], c[ACCEPTED], c[REJECTED], c[IN_FLIGHT], c[UNKNOWN],
                c[HELD], c[MISSING], c[MISMATCH], c[UNKNOWN_TO_US], 0, 0, 0)));
        return new Result(datasets, findings);
    }

    /**
     * A resend while automatic tries remain; then dead-letter once; after that wait for the operator — until the
     * delivery moves again after the dead-lettering (an operator replayed it), which dead-letters it again at once.
     */
    public static Plan resendOrGiveUp(int tries, int maxResends, AutoResends resends, Instant deliveryUpdatedAt) {
        if (tries < maxResends) {
            return Plan.RESEND;
        }
        Instant given = resends == null ? null : resends.deadLetteredAt();
        return given != null && !given.isBefore(deliveryUpdatedAt) ? Plan.AWAIT_OPERATOR : Plan.DEAD_LETTER;
    }

    private static final int SENT = 0;
    private static final int ACCEPTED = 1;
    private static final int REJECTED = 2;
    private static final int IN_FLIGHT = 3;
    private static final int UNKNOWN = 4;
    private static final int HELD = 5;
    private static final int MISSING = 6;
    private static final int MISMATCH = 7;
    private static final int UNKNOWN_TO_US = 8;

    private static int[] count(Map<String, int[]> counts, String dataset) {
        return counts.computeIfAbsent(dataset == null ? "?" : dataset, k -> new int[9]);
    }
}
