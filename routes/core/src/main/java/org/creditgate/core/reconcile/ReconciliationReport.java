package org.creditgate.core.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of reconciling one upstream: counts per dataset and in total, every discrepancy with the action taken,
 * and the alerts raised. {@code status} FAILED (with {@code error}) when the upstream could not be asked: then
 * nothing was compared and nothing changed.
 */
public record ReconciliationReport(String upstream, Instant runAt, String trigger, Status status, String error,
        Counts totals, Map<String, Counts> datasets, List<Discrepancy> discrepancies, List<String> alerts) {

    public enum Status {
        COMPLETE,
        FAILED
    }
}
