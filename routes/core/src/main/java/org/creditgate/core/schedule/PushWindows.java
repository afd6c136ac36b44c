package org.creditgate.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.ledger.Ledger;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.routing.PushSchedule;
import org.creditgate.model.routing.UpstreamRouting.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes the push windows of the upstreams (推送窗口): each sink's scheduled lane (the route consuming
 * {@code creditgate.upstream.<id>}) runs only while its upstream's window is open, on the one node that leads the
 * schedules; the real-time lane and upstreams without a window are never held.
 *
 * <p>A window opens at each opening of the upstream's {@link PushSchedule} and closes {@code window} later. When it
 * closes, the opening it served is stored (ledger watermark {@code schedule:<upstream>}, audited); an opening that
 * passed without being served — the gateway was down, or another node led and died — is caught up at once with a
 * window of the full length. The first time a schedule is seen, only a window in progress is served: history from
 * before the gateway knew the schedule is not "missed".
 *
 * <p>{@link #tick} is driven by the route {@code core.push-windows}; every decision is taken there, on one thread.
 */
public final class PushWindows {

    /** Watermark key prefix of the last served opening per upstream. */
    public static final String WATERMARK_PREFIX = "schedule:";
    private static final Logger LOG = LoggerFactory.getLogger(PushWindows.class);

    /** What operators see of one upstream's schedule. */
    public record Status(String upstream, String schedule, boolean windowed, boolean open, boolean catchUp,
            Instant opening, Instant closesAt, Instant lastServed, Instant nextOpening, boolean leader,
            Map<String, String> lanes) {
    }

    private record Window(Instant opening, Instant closesAt, boolean catchUp) {
    }

    private final RoutingTable routing;
    private final Ledger ledger;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final Clock clock;
    private final BooleanSupplier leader;
    private final Map<String, String> lanes = new ConcurrentHashMap<>();
    private final Map<String, Window> open = new ConcurrentHashMap<>();
    private volatile CamelContext camel;
    private volatile Predicate<String> paused = route -> false;

    /** {@code leader}: whether this node leads the schedules now (the cluster view's local member). */
    public PushWindows(RoutingTable routing, Ledger ledger, WorkingDayCalendar calendar, ZoneId zone, Clock clock,
            BooleanSupplier leader) {
        this.routing = routing;
        this.ledger = ledger;
        this.calendar = calendar;
        this.zone = zone;
        this.clock = clock;
        this.leader = leader;
    }

    /** The context whose lane routes this starts and stops; {@code paused}: routes an operator paused. */
    public void attach(CamelContext camel, Predicate<String> paused) {
        this.camel = camel;
        this.paused = paused;
    }

    /** A scheduled lane appeared (its sink was installed); it runs from the next tick if its window is open. */
    public void register(String routeId, String upstream) {
        lanes.put(routeId, upstream);
    }

    public void unregister(String routeId) {
        lanes.remove(routeId);
    }

    /** Whether a scheduled lane must stay stopped now (outside its window, or not the leader). */
    public boolean holds(String routeId) {
        String upstream = lanes.get(routeId);
        return upstream != null && !mayRun(upstream);
    }

    /** Opens and closes windows and starts and stops the lanes accordingly. */
    public synchronized void tick() throws Exception {
        Instant now = clock.instant();
        boolean leads = leader.getAsBoolean();
        for (String upstream : List.copyOf(open.keySet())) {
            Window w = open.get(upstream);
            if (!leads || !now.isBefore(w.closesAt())) {
                close(upstream, w, now, leads);
            }
        }
        if (leads) {
            for (String upstream : Set.copyOf(lanes.values())) {
                schedule(upstream).ifPresent(s -> maybeOpen(upstream, s, now));
            }
        }
        CamelContext c = camel;
        if (c == null) {
            return;
        }
        for (Map.Entry<String, String> lane : lanes.entrySet()) {
            String route = lane.getKey();
            ServiceStatus status = c.getRouteController().getRouteStatus(route);
            if (status == null) {
                continue;
            }
            boolean run = mayRun(lane.getValue()) && !paused.test(route);
            if (run && !status.isStarted()) {
                c.getRouteController().startRoute(route);
            } else if (!run && status.isStarted()) {
                // graceful: the message in flight is delivered before the lane stops
                c.getRouteController().stopRoute(route);
            }
        }
    }

    /** One status per upstream with a sink installed. */
    public List<Status> status() {
        Instant now = clock.instant();
        boolean leads = leader.getAsBoolean();
        List<Status> out = new ArrayList<>();
        for (String upstream : new TreeSet<>(lanes.values())) {
            PushSchedule s = schedule(upstream).orElse(PushSchedule.ALWAYS);
            Window w = open.get(upstream);
            Map<String, String> routes = new TreeMap<>();
            lanes.forEach((route, u) -> {
                if (u.equals(upstream)) {
                    CamelContext c = camel;
                    ServiceStatus st = c == null ? null : c.getRouteController().getRouteStatus(route);
                    routes.put(route, st == null ? "Unknown" : st.name());
                }
            });
            out.add(new Status(upstream, s.toString(), !s.always(), s.always() || w != null, w != null && w.catchUp(),
                    w == null ? null : w.opening(), w == null ? null : w.closesAt(), lastServed(upstream).orElse(null),
                    s.nextOpening(now, zone, calendar).orElse(null), leads, routes));
        }
        return out;
    }

    private boolean mayRun(String upstream) {
        Optional<PushSchedule> s = schedule(upstream);
        if (s.isEmpty()) {
            // not (or no longer) in the routing table, or the table is invalid: nothing new is routed to it, but
            // what is queued still goes out
            return true;
        }
        return s.get().always() || leader.getAsBoolean() && open.containsKey(upstream);
    }

    private void maybeOpen(String upstream, PushSchedule s, Instant now) {
        if (s.always() || open.containsKey(upstream)) {
            return;
        }
        Optional<Instant> opening = s.lastOpening(now, zone, calendar);
        if (opening.isEmpty()) {
            return;
        }
        Instant t = opening.get();
        Instant regularEnd = t.plus(s.window());
        Optional<Instant> served = lastServed(upstream);
        if (served.isPresent() && !t.isAfter(served.get())) {
            return;
        }
        boolean inProgress = now.isBefore(regularEnd);
        if (served.isEmpty() && !inProgress) {
            ledger.setWatermark(WATERMARK_PREFIX + upstream, t.toString(), now,
                    "schedule first seen: windows before " + t + " are not caught up");
            return;
        }
        Window w = new Window(t, inProgress ? regularEnd : now.plus(s.window()), !inProgress);
        open.put(upstream, w);
        LOG.info("Push window for {} open until {}{}", upstream, w.closesAt(),
                w.catchUp() ? " (catching up the missed window of " + t + ")" : "");
    }

    private void close(String upstream, Window w, Instant now, boolean leads) {
        open.remove(upstream);
        if (leads) {
            ledger.setWatermark(WATERMARK_PREFIX + upstream, w.opening().toString(), now,
                    "push window of " + w.opening() + " served" + (w.catchUp() ? " (caught up)" : ""));
            LOG.info("Push window for {} closed", upstream);
        } else {
            // not served to the end: the next leader catches it up
            LOG.info("Push window for {} left: this node no longer leads the schedules", upstream);
        }
    }

    private Optional<Instant> lastServed(String upstream) {
        return ledger.watermark(WATERMARK_PREFIX + upstream).map(Instant::parse);
    }

    private Optional<PushSchedule> schedule(String upstream) {
        try {
            return Optional.ofNullable(routing.current().upstreams().get(upstream)).map(Upstream::schedule);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
