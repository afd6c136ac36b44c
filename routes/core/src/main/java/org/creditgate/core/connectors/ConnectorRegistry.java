package org.creditgate.core.connectors;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.delivery.ResendGuard;
import org.creditgate.core.delivery.ShieldGuard;
import org.creditgate.core.delivery.ShieldLookup;
import org.creditgate.ledger.Ledger;
import org.creditgate.core.schedule.PushWindows;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.creditgate.spi.GatewayConnector;
import org.creditgate.spi.ingest.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each connector's routes to the gateway's CamelContext when its service appears and removes exactly those
 * routes, after their in-flight exchanges finished, when it goes (camel-karaf's route-supplier pattern, driven by
 * DS). A connector that fails — bad configuration, a route id without its prefix, a route that does not start —
 * is FAILED with the reason and takes nothing else down. Connectors may be bound before the CamelContext exists;
 * they are started when it is attached.
 */
public final class ConnectorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, ConnectorInstance> instances = new LinkedHashMap<>();
    private CamelContext camel;
    private Function<IngestRequest, IngestResult> ingest;
    private Ledger ledger;
    private Path workRoot;
    private Clock clock = Clock.systemUTC();
    private PushWindows windows;
    private int laneConsumers = 1;
    private ShieldLookup shields;
    /** Upstreams whose lanes an operator paused: their queues keep filling, nothing is taken from them. */
    private final Set<String> pausedUpstreams = new java.util.TreeSet<>();

    /** Starts every bound connector in this context; later binds start at once. */
    public synchronized void attach(CamelContext camel, Function<IngestRequest, IngestResult> ingest, Ledger ledger,
            Path workRoot, Clock clock) {
        this.camel = camel;
        this.ingest = ingest;
        this.ledger = ledger;
        this.workRoot = workRoot;
        this.clock = clock;
        if (windows != null) {
            windows.attach(camel, this::pausedRoute);
        }
        instances.values().forEach(this::start);
    }

    /**
     * Lets {@code windows} hold the scheduled lanes of windowed upstreams (set before {@link #attach}); without it
     * every lane runs always.
     */
    public synchronized void pushWindows(PushWindows windows) {
        this.windows = windows;
    }

    /** Concurrent consumers of each lane feeding a sink (set before {@link #attach}). */
    /** Where the lanes' shield guards look up whether a record is shielded (default: the ledger). */
    public synchronized void shieldLookup(ShieldLookup lookup) {
        this.shields = lookup;
    }

    public synchronized void laneConsumers(int consumers) {
        this.laneConsumers = consumers;
    }

    /** Whether the route belongs to a connector an operator paused, or is a lane of a paused upstream. */
    public synchronized boolean pausedRoute(String route) {
        return instances.values().stream()
                .anyMatch(i -> i.state() == ConnectorState.PAUSED && i.routeIds().contains(route))
                || pausedUpstreams.stream().anyMatch(u -> laneRoutes(u).contains(route));
    }

    /** Stops every connector's routes (in-flight work finishes) and forgets the context; bindings are kept. */
    public synchronized void detach() {
        if (camel != null) {
            instances.values().forEach(this::removeRoutes);
        }
        camel = null;
    }

    public synchronized void bind(GatewayConnector connector) {
        ConnectorInstance previous = instances.get(connector.descriptor().id());
        if (previous != null && previous.connector() != connector) {
            // a reconfigured instance is bound before the old one is unbound: replace it
            removeRoutes(previous);
        }
        ConnectorInstance instance = new ConnectorInstance(connector);
        instances.put(connector.descriptor().id(), instance);
        if (camel != null) {
            start(instance);
        }
    }

    public synchronized void unbind(GatewayConnector connector) {
        ConnectorInstance instance = instances.get(connector.descriptor().id());
        if (instance == null || instance.connector() != connector) {
            return;
        }
        instances.remove(connector.descriptor().id());
        if (camel != null) {
            removeRoutes(instance);
        }
        LOG.info("Connector {} removed", connector.descriptor().id());
    }

    public synchronized List<ConnectorInstance> list() {
        return new ArrayList<>(instances.values());
    }

    /** The upstreams a running sink connector delivers to (its department is the upstream id), sorted. */
    public synchronized List<String> sinkUpstreams() {
        return instances.values().stream().filter(i -> i.descriptor().kind() == org.creditgate.spi.ConnectorKind.SINK
                && i.state() != ConnectorState.FAILED).map(i -> i.descriptor().department()).distinct().sorted()
                .toList();
    }

    /** The holdings capability of the running sink delivering to {@code upstream}, if it offers one. */
    public synchronized Optional<org.creditgate.spi.delivery.UpstreamHoldings> upstreamHoldings(String upstream) {
        return instances.values().stream().filter(i -> i.descriptor().kind() == org.creditgate.spi.ConnectorKind.SINK
                && i.state() != ConnectorState.FAILED && upstream.equals(i.descriptor().department()))
                .map(i -> i.capability(org.creditgate.spi.delivery.UpstreamHoldings.Source.class))
                .flatMap(Optional::stream).map(org.creditgate.spi.delivery.UpstreamHoldings.Source::upstreamHoldings)
                .flatMap(Optional::stream).findFirst();
    }

    public synchronized Optional<ConnectorInstance> find(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    /** Stops a connector's routes (in-flight work finishes); its source is not read until {@link #resume}. */
    public synchronized void pause(String id) throws Exception {
        ConnectorInstance instance = require(id);
        for (String route : instance.routeIds()) {
            camel.getRouteController().stopRoute(route);
        }
        instance.state(ConnectorState.PAUSED);
        LOG.info("Connector {} paused", id);
    }

    public synchronized void resume(String id) throws Exception {
        ConnectorInstance instance = require(id);
        List<String> heldLanes = pausedUpstreams.contains(instance.descriptor().department())
                ? laneRoutes(instance.descriptor().department()) : List.of();
        for (String route : instance.routeIds()) {
            if ((windows == null || !windows.holds(route)) && !heldLanes.contains(route)) {
                // a lane outside its push window starts when the window opens; a paused upstream's on its resume
                camel.getRouteController().startRoute(route);
            }
        }
        instance.state(ConnectorState.RUNNING);
        LOG.info("Connector {} resumed", id);
    }

    /**
     * Stops and starts a running connector's routes, for the supervisor when it stalled: a run stuck on its source
     * is given {@code grace} to finish, then cut off. Lanes held by a closed push window stay stopped.
     */
    public synchronized void restart(String id, java.time.Duration grace) throws Exception {
        ConnectorInstance instance = require(id);
        if (instance.state() != ConnectorState.RUNNING) {
            return;
        }
        for (String route : instance.routeIds()) {
            camel.getRouteController().stopRoute(route, Math.max(1, grace.toMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        for (String route : instance.routeIds()) {
            if ((windows == null || !windows.holds(route)) && !pausedRoute(route)) {
                camel.getRouteController().startRoute(route);
            }
        }
        instance.state(ConnectorState.RUNNING);
        LOG.warn("Connector {} restarted by the supervisor (routes {})", id, instance.routeIds());
    }

    /**
     * Stops taking from an upstream's queues: the lanes of every sink delivering to it stop after the message in
     * flight; what is queued stays on the broker, durable, and new records keep being queued. The sinks' own routes
     * (receipt polling) keep running, so what was sent is still acknowledged.
     */
    public synchronized void pauseUpstream(String upstream) throws Exception {
        List<String> lanes = requireLanes(upstream);
        pausedUpstreams.add(upstream);
        for (String route : lanes) {
            camel.getRouteController().stopRoute(route);
        }
        LOG.info("Upstream {} paused: lanes {} stopped", upstream, lanes);
    }

    /** Takes from an upstream's queues again (the scheduled lane only inside its push window, as always). */
    public synchronized void resumeUpstream(String upstream) throws Exception {
        List<String> lanes = requireLanes(upstream);
        pausedUpstreams.remove(upstream);
        for (String route : lanes) {
            if ((windows == null || !windows.holds(route)) && !pausedRoute(route)) {
                camel.getRouteController().startRoute(route);
            }
        }
        LOG.info("Upstream {} resumed", upstream);
    }

    public synchronized boolean upstreamPaused(String upstream) {
        return pausedUpstreams.contains(upstream);
    }

    /** The lane routes (scheduled, then real-time) of the running sinks delivering to {@code upstream}. */
    public synchronized List<String> laneRoutes(String upstream) {
        List<String> out = new ArrayList<>();
        for (ConnectorInstance i : instances.values()) {
            ConnectorDescriptor d = i.descriptor();
            if (d.kind() == org.creditgate.spi.ConnectorKind.SINK && upstream.equals(d.department())) {
                for (String lane : List.of(UpstreamLanes.scheduledRouteId(d), d.routePrefix() + UpstreamLanes.REALTIME)) {
                    if (i.routeIds().contains(lane)) {
                        out.add(lane);
                    }
                }
            }
        }
        return out;
    }

    /** Each route's status as Camel reports it (Started, Stopped …), in the order given; "Unknown" when absent. */
    public synchronized Map<String, String> routeStates(List<String> routes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : routes) {
            org.apache.camel.ServiceStatus st = camel == null ? null : camel.getRouteController().getRouteStatus(r);
            out.put(r, st == null ? "Unknown" : st.name());
        }
        return out;
    }

    /** Exchanges in flight on these routes now (a lane's message being delivered, a source's batch being read). */
    public int inflight(List<String> routes) {
        CamelContext c = camel;
        return c == null ? 0 : routes.stream().mapToInt(r -> c.getInflightRepository().size(r)).sum();
    }

    private List<String> requireLanes(String upstream) {
        List<String> lanes = laneRoutes(upstream);
        if (lanes.isEmpty() || camel == null) {
            throw new IllegalArgumentException("no running sink delivers to upstream " + upstream);
        }
        return lanes;
    }

    /** The connector's watermark as stored, for the API. */
    public Optional<String> watermark(String id) {
        Ledger l = ledger;
        return l == null ? Optional.empty() : l.watermark(id);
    }

    public Clock clock() {
        return clock;
    }

    /** One health entry per connector: UP when running, DOWN with the reason otherwise. */
    public synchronized List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>();
        for (ConnectorInstance i : instances.values()) {
            String name = "connector:" + i.descriptor().id();
            out.add(switch (i.state()) {
                case RUNNING -> ComponentHealth.up(name, i.routeIds().size() + " route(s) running");
                case PAUSED -> ComponentHealth.up(name, "paused by an operator");
                case FAILED -> ComponentHealth.down(name, i.problem());
            });
        }
        return out;
    }

    private ConnectorInstance require(String id) {
        ConnectorInstance instance = instances.get(id);
        if (instance == null || camel == null) {
            throw new IllegalArgumentException("no connector " + id);
        }
        return instance;
    }

    private void start(ConnectorInstance instance) {
        GatewayConnector connector = instance.connector();
        ConnectorDescriptor d = connector.descriptor();
        Optional<String> problem = connector.problem();
        if (problem.isPresent()) {
            instance.failed(problem.get());
            LOG.error("Connector {} not started: {}", d.id(), problem.get());
            return;
        }
        Set<String> before = routeIds();
        // Camel resolves some classes of a route by name (onException types, bean classes) through the context's
        // class resolver, which sees only the Camel bundle: let it see the connector's bundle too
        camel.getClassResolver().addClassLoader(connector.getClass().getClassLoader());
        RegistryContext context = new RegistryContext(instance, ingest, ledger, workRoot, clock);
        try {
            camel.addRoutes(connector.routes(context));
        } catch (Exception | LinkageError e) {
            removeAll(added(before));
            instance.failed("routes failed to start: " + e.getMessage());
            LOG.error("Connector {} not started: routes failed: {}", d.id(), e.getMessage());
            return;
        }
        List<String> added = added(before);
        List<String> foreign = added.stream().filter(r -> !r.startsWith(d.routePrefix())).toList();
        if (!foreign.isEmpty()) {
            removeAll(added);
            instance.failed("route ids " + foreign + " do not start with '" + d.routePrefix() + "'");
            LOG.error("Connector {} refused: {}", d.id(), instance.problem());
            return;
        }
        boolean started = added.stream().anyMatch(r -> camel.getRouteController().getRouteStatus(r).isStarted());
        if (context.isSink()) {
            try {
                added = addLanes(instance, started, added);
            } catch (Exception e) {
                removeAll(added(before));
                instance.failed("upstream lanes failed to start: " + e.getMessage());
                LOG.error("Connector {} not started: {}", d.id(), instance.problem());
                return;
            }
        }
        instance.running(added, started || added.isEmpty());
        LOG.info("Connector {} {} ({} v{}, department {}, routes {})", d.id(), started ? "started" : "installed paused",
                d.type(), d.version(), d.department(), added);
    }

    /**
     * Adds the lanes feeding a sink, listed first so that removal stops them before the sink's input. The scheduled
     * lane of an upstream with a push window is registered with {@link PushWindows}, which starts it in its window.
     */
    private List<String> addLanes(ConnectorInstance instance, boolean sinkStarted, List<String> sinkRoutes)
            throws Exception {
        ConnectorDescriptor d = instance.descriptor();
        // asked on the lane's thread: straight from the connector, never through this (locked) registry
        Optional<UpstreamHoldings.Source> source = instance.capability(UpstreamHoldings.Source.class);
        String scheduled = UpstreamLanes.scheduledRouteId(d);
        if (windows != null) {
            windows.register(scheduled, d.department());
        }
        boolean upstreamPaused = pausedUpstreams.contains(d.department());
        boolean mayStart = sinkStarted && !upstreamPaused && (windows == null || !windows.holds(scheduled));
        ResendGuard resends = new ResendGuard(d.department(), ledger,
                () -> source.flatMap(UpstreamHoldings.Source::upstreamHoldings), clock);
        camel.addRoutes(new UpstreamLanes(d, mayStart, laneConsumers, new ShieldGuard(d.department(), ledger, clock,
                shields == null ? ShieldLookup.ledger(ledger) : shields),
                resends));
        if (!sinkStarted || upstreamPaused) {
            // installed paused, or its upstream is: the lanes wait for resume like the sink's routes
            camel.getRouteController().stopRoute(d.routePrefix() + UpstreamLanes.REALTIME);
        }
        List<String> all = new ArrayList<>(List.of(scheduled, d.routePrefix() + UpstreamLanes.REALTIME));
        all.addAll(sinkRoutes);
        return all;
    }

    private void removeRoutes(ConnectorInstance instance) {
        if (windows != null) {
            instance.routeIds().forEach(windows::unregister);
        }
        removeAll(instance.routeIds());
        ClassLoader loader = instance.connector().getClass().getClassLoader();
        boolean shared = instances.values().stream()
                .anyMatch(i -> i != instance && i.connector().getClass().getClassLoader() == loader);
        if (!shared) {
            try {
                // an uninstalled bundle's loader must not be kept (and asked) for ever
                camel.getClassResolver().getClassLoaders().remove(loader);
            } catch (UnsupportedOperationException e) {
                LOG.debug("Class loader of {} stays registered: {}", instance.descriptor().id(), e.getMessage());
            }
        }
    }

    private void removeAll(List<String> routes) {
        for (String route : routes) {
            try {
                // stopRoute waits (graceful shutdown strategy) for the route's in-flight exchanges
                camel.getRouteController().stopRoute(route);
                camel.removeRoute(route);
            } catch (Exception e) {
                LOG.warn("Route {} could not be removed cleanly: {}", route, e.getMessage());
            }
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        for (Route r : camel.getRoutes()) {
            ids.add(r.getRouteId());
        }
        return ids;
    }

    private List<String> added(Set<String> before) {
        List<String> out = new ArrayList<>();
        for (Route r : camel.getRoutes()) {
            if (!before.contains(r.getRouteId())) {
                out.add(r.getRouteId());
            }
        }
        return out;
    }
}
