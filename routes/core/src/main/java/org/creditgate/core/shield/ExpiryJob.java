package org.creditgate.core.shield;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Shield;
import org.creditgate.model.publication.PublicationPeriod;
import org.creditgate.model.publication.PublicationPeriods;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.spi.ingest.IngestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily expiry job (domain.md §5.3, §6.2 "Max period reached"): pages through the ledger's candidates (current
 * versions of PENALTY and LIST records no other shield has ended) and, per platform holding a record, asks the model
 * whether that platform's regime has ended its publication; the platforms whose period ended on the same day get one
 * SHIELD cause EXPIRED naming them as {@code targets}. Then it catches up approved repairs whose shield is missing
 * ({@link RepairShields#catchUp}).
 *
 * <p>Idempotent: a shield's id is derived from the record and the last day of its period and its effectiveAt is the
 * start of the next day, so a second run re-sends identical shields (ALREADY_ACCEPTED), and the platforms an earlier
 * EXPIRED shield named are not named again.
 *
 * <p>Local publication follows NDRC, like the sharing platforms and 信用中国, which therefore usually expire on the same
 * day: that shield is of the whole record (scope RECORD, naming the platforms due) and ends local publication. A
 * platform whose own period ends before the local one — GSXT's 3 months for small fines under 令第45号 — gets a shield
 * of scope PLATFORMS: it stops there, while the record stays published locally and elsewhere and is no longer sent to
 * that platform. A record no platform holds is shielded locally alone (no targets). Left: a record whose local period
 * ends while the only platforms holding it are not yet due (only GSXT holds it) — an unscoped shield would reach
 * them early — is not shielded locally until they are (logged).
 */
public final class ExpiryJob {

    /** Longest list of issued shields a run reports (the counts are always complete). */
    public static final int MAX_LISTED = 1000;
    static final List<String> DATASETS = List.of("LIST", "PENALTY");
    private static final List<String> REPAIRS = List.of("REPAIR");
    private static final Set<DeliveryState> HOLDING = EnumSet.of(DeliveryState.SENT, DeliveryState.ACCEPTED,
            DeliveryState.UNKNOWN);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);

    private final Ledger ledger;
    private final Supplier<UpstreamRouting> routing;
    private final PublicationPeriods periods;
    private final ShieldIssuer issuer;
    private final RepairShields repairs;
    private final Clock clock;
    private final ZoneId zone;
    private final int pageSize;

    public ExpiryJob(Ledger ledger, Supplier<UpstreamRouting> routing, PublicationPeriods periods, ShieldIssuer issuer,
            RepairShields repairs, Clock clock, ZoneId zone, int pageSize) {
        this.ledger = ledger;
        this.routing = routing;
        this.periods = periods;
        this.issuer = issuer;
        this.repairs = repairs;
        this.clock = clock;
        this.zone = zone;
        this.pageSize = pageSize;
    }

    /** Runs once; runs do not overlap (a run-now during the scheduled one waits for it). */
    public synchronized ExpiryRun run(String trigger) {
        Instant started = clock.instant();
        LocalDate today = LocalDate.ofInstant(started, zone);
        UpstreamRouting table = routing.get();
        Tally t = new Tally();
        String after = null;
        List<RecordVersion> page;
        do {
            page = ledger.expiryCandidates(DATASETS, after, pageSize);
            for (RecordVersion v : page) {
                t.scanned++;
                try {
                    expire(v, today, table, t);
                } catch (RuntimeException e) {
                    t.failed++;
                    LOG.error("Expiry of record {} failed (next run retries): {}", v.recordId(), e.toString());
                }
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).recordId();
                LOG.info("Expiry ({}): {} records scanned, {} shields issued so far", trigger, t.scanned,
                        t.issued.size() + t.overflow);
            }
        } while (page.size() == pageSize);
        after = null;
        do {
            page = ledger.expiryCandidates(REPAIRS, after, pageSize);
            for (RecordVersion v : page) {
                try {
                    repairs.catchUp(v).filter(i -> i.result().status() == IngestStatus.ACCEPTED)
                            .ifPresent(i -> t.repairShields++);
                } catch (RuntimeException e) {
                    t.failed++;
                    LOG.error("Repair shield catch-up for {} failed (next run retries): {}", v.recordId(), e.toString());
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).recordId();
        } while (page.size() == pageSize);
        ExpiryRun run = new ExpiryRun(trigger, today, started, clock.instant(), t.scanned, t.issued.size() + t.overflow,
                t.already, t.repairShields, t.failed, List.copyOf(t.issued));
        LOG.info("Expiry ({}) for {}: {} records scanned, {} EXPIRED shields issued, {} already issued, {} repair "
                + "shields caught up, {} failed", trigger, today, run.scanned(), run.shieldsIssued(),
                run.alreadyIssued(), run.repairShields(), run.failed());
        return run;
    }

    private void expire(RecordVersion v, LocalDate today, UpstreamRouting table, Tally t) {
        CreditRecord record = CanonicalJson.read(v.payload());
        Set<String> covered = new HashSet<>();
        for (ShieldEntry s : ledger.shieldsOf(v.recordId())) {
            List<String> targets = targetsOf(s);
            if (targets.isEmpty()) {
                return;
            }
            covered.addAll(targets);
        }
        // the day a platform published it, from which GSXT counts: the first hand-over that stuck (the ack of an
        // accepted delivery, or the send of one still unconfirmed)
        Map<String, Instant> held = new TreeMap<>();
        for (Delivery d : ledger.deliveries(v.recordId())) {
            if (HOLDING.contains(d.state()) && table.upstreams().containsKey(d.upstream())) {
                held.merge(d.upstream(), d.updatedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<LocalDate, Due> due = new TreeMap<>();
        held.forEach((upstream, since) -> {
            if (!covered.contains(upstream)) {
                UpstreamRouting.Regime regime = table.upstreams().get(upstream).regime();
                periods.at(regime, record, LocalDate.ofInstant(since, zone)).filter(p -> p.endedBy(today))
                        .ifPresent(p -> due.computeIfAbsent(p.maxEnd(), d -> new Due()).add(upstream, p));
            }
        });
        if (v.state() != RecordState.SHIELDED) {
            periods.local(record).filter(p -> p.endedBy(today)).ifPresent(p -> {
                Due d = due.computeIfAbsent(p.maxEnd(), e -> new Due());
                d.local = true;
                d.regimes.add(p.regime().label());
            });
        }
        if (due.isEmpty()) {
            return;
        }
        RecordHead head = ledger.head(v.recordId()).orElseThrow();
        due.forEach((end, d) -> {
            if (d.local && d.targets.isEmpty() && !held.isEmpty()) {
                LOG.warn("Expiry: record {} ended locally on {}, but the platforms holding it ({}) are not due yet; "
                        + "it stays published until they are", head.recordId(), end, held.keySet());
                return;
            }
            issue(head, end, d, t);
        });
    }

    private void issue(RecordHead head, LocalDate end, Due d, Tally t) {
        String shieldId = shieldId(head.recordId(), end);
        ShieldIssuer.Issued issued = issuer.issue(ShieldIssuer.GATEWAY, "expiry", new ShieldIssuer.Request(head,
                Shield.Cause.EXPIRED, shieldId, "公示期满 " + String.join(" / ", d.regimes) + " 最长公示期至 " + end,
                end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), List.copyOf(d.targets),
                d.local ? Shield.Scope.RECORD : Shield.Scope.PLATFORMS));
        switch (issued.result().status()) {
            case ACCEPTED -> {
                if (t.issued.size() < MAX_LISTED) {
                    t.issued.add(new ExpiryRun.Issued(shieldId, head.recordId(), end, List.copyOf(d.targets)));
                } else {
                    t.overflow++;
                }
            }
            case ALREADY_ACCEPTED -> t.already++;
            default -> {
                t.failed++;
                LOG.error("EXPIRED shield {} of record {} was refused: {}", shieldId, head.recordId(),
                        issued.result().errors());
            }
        }
    }

    /** One shield per record and end day; a record id too long to fit is replaced by a name-based UUID of it. */
    static String shieldId(String recordId, LocalDate end) {
        String day = end.format(DateTimeFormatter.BASIC_ISO_DATE);
        String id = "GW-EXPIRED-" + recordId + "-" + day;
        return id.length() <= 64 ? id : "GW-EXPIRED-" + UUID.nameUUIDFromBytes(recordId.getBytes(StandardCharsets.UTF_8))
                + "-" + day;
    }

    /** The platforms an earlier shield of the record named; empty = it went to every holder. */
    private List<String> targetsOf(ShieldEntry s) {
        if (!Shield.Cause.EXPIRED.name().equals(s.cause())) {
            return List.of();
        }
        Optional<CreditRecord> shield = ledger.version(s.recordId(), 1).map(v -> CanonicalJson.read(v.payload()));
        return shield.filter(Shield.class::isInstance).map(r -> ((Shield) r).targets()).orElse(List.of());
    }

    private static final class Due {
        final Set<String> targets = new TreeSet<>();
        final Set<String> regimes = new LinkedHashSet<>();
        /** Local publication ends with it: a shield of the record, not only of its platforms. */
        boolean local;

        void add(String upstream, PublicationPeriod p) {
            targets.add(upstream);
            regimes.add(p.regime().label());
        }
    }

    private static final class Tally {
        int scanned;
        int already;
        int repairShields;
        int failed;
        int overflow;
        final List<ExpiryRun.Issued> issued = new ArrayList<>();
    }
}
