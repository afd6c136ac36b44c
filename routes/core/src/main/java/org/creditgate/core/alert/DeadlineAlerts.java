package org.creditgate.core.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alert.Severity;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.model.validation.PublicationDeadline.Status;

/**
 * DEADLINE_RISK alerts read off the 双公示 deadline report (domain.md §5.2): one per department, status (AT_RISK:
 * WARNING, OVERDUE: CRITICAL) and business day, naming the records — an operator acts per department, and a record
 * at risk stays at risk all day. Records that become at risk later the same day are in the report and the API, not
 * in a second alert.
 */
public final class DeadlineAlerts {

    private final AlertSink sink;
    private final Clock clock;

    public DeadlineAlerts(AlertSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Raises the report's alerts (the sink drops those already raised) and hands the report on. */
    public DeadlineWatch.Report observe(DeadlineWatch.Report report) {
        Map<String, List<DeadlineWatch.Item>> groups = new TreeMap<>();
        for (DeadlineWatch.Item item : report.items()) {
            if (item.status() == Status.AT_RISK || item.status() == Status.OVERDUE) {
                groups.computeIfAbsent(item.department() + ":" + item.status(), k -> new ArrayList<>()).add(item);
            }
        }
        groups.forEach((key, items) -> {
            DeadlineWatch.Item first = items.get(0);
            boolean late = first.status() == Status.OVERDUE;
            List<String> ids = items.stream().map(DeadlineWatch.Item::recordId).toList();
            sink.raise(new Alert("deadline:" + key + ":" + report.today(), AlertClass.DEADLINE_RISK,
                    late ? Severity.CRITICAL : Severity.WARNING, "department:" + first.department(), ids,
                    "双公示 deadline " + (late ? "missed" : "at risk") + ": " + items.size() + " record(s) of "
                            + "department " + first.department() + " not accepted by every deadline upstream"
                            + (late ? " past their 7-working-day deadline" : " with their deadline near")
                            + " (GET /api/v1/deadlines?department=" + first.department() + ")", clock.instant()));
        });
        return report;
    }
}
