package org.creditgate.core.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.PublicationDeadline;
import org.creditgate.model.validation.PublicationDeadline.Status;

/**
 * 双公示 records at risk of missing, or past, their 7-working-day publication deadline: not yet ACCEPTED by every
 * deadline upstream the record is routed to (routing cfg {@code deadline.upstreams}), per department. Looks at the
 * current versions received in the last {@value #WINDOW_DAYS} days — older ones are overdue or long published.
 */
public final class DeadlineWatch {

    static final int WINDOW_DAYS = 60;
    private static final int MAX_RECORDS = 50_000;
    private static final List<String> DATASETS = List.of("PENALTY", "LICENSE");

    private final Ledger ledger;
    private final RoutingTable routing;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    public DeadlineWatch(Ledger ledger, RoutingTable routing, WorkingDayCalendar calendar, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.routing = routing;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    /** One record at risk or overdue, with the upstreams that have not accepted it yet. */
    public record Item(String recordId, int version, String dataset, String department, LocalDate decided,
            LocalDate deadline, Status status, Set<String> missing) {
    }

    /** Counts per department and status, and every item. */
    public record Report(LocalDate today, Map<String, Map<Status, Integer>> departments, List<Item> items) {
    }

    /** The report for one department, or all (department null). */
    public Report report(String department) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant since = today.minusDays(WINDOW_DAYS).atStartOfDay(zone).toInstant();
        Set<String> watched = new LinkedHashSet<>(routing.deadlineUpstreams());
        List<Item> items = new ArrayList<>();
        Map<String, Map<Status, Integer>> counts = new TreeMap<>();
        for (RecordVersion v : ledger.currentVersions(DATASETS, since, MAX_RECORDS)) {
            if (department != null && !department.equals(v.department())) {
                continue;
            }
            CreditRecord record = CanonicalJson.read(v.payload());
            PublicationDeadline deadline = PublicationDeadline.of(record, calendar).orElse(null);
            if (deadline == null) {
                continue;
            }
            Set<String> missing = new LinkedHashSet<>(routing.current().targets(record));
            missing.retainAll(watched);
            for (Delivery d : ledger.deliveries(v.recordId())) {
                if (d.version() == v.version() && d.state() == DeliveryState.ACCEPTED) {
                    missing.remove(d.upstream());
                }
            }
            Status status = deadline.status(today, missing.isEmpty());
            if (status != Status.ON_TIME) {
                items.add(new Item(v.recordId(), v.version(), v.dataset(), v.department(), deadline.decided(),
                        deadline.deadline(), status, missing));
                counts.computeIfAbsent(v.department(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            }
        }
        return new Report(today, counts, items);
    }
}
