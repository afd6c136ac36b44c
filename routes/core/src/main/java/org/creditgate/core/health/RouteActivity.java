package org.creditgate.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What each route of the gateway's CamelContext actually did: runs started, finished well, failed (including
 * failures a route's own onException handled — a poll that logged "court not reachable" did not make progress),
 * broker redeliveries, and the runs still in flight with their start. Progress health is computed from this, never
 * from whether a route's thread is alive: a poll blocked on a source that never answers is "Started" for Camel.
 */
public final class RouteActivity extends EventNotifierSupport {

    /** Counters and times of one route since the gateway core started. */
    public static final class Stats {
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong redelivered = new AtomicLong();
        private final AtomicReference<Instant> lastStart = new AtomicReference<>();
        private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
        private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
        private final AtomicReference<String> lastError = new AtomicReference<>();

        public long started() {
            return started.get();
        }

        public long succeeded() {
            return succeeded.get();
        }

        public long failed() {
            return failed.get();
        }

        public long redelivered() {
            return redelivered.get();
        }

        public Optional<Instant> lastStart() {
            return Optional.ofNullable(lastStart.get());
        }

        public Optional<Instant> lastSuccess() {
            return Optional.ofNullable(lastSuccess.get());
        }

        public Optional<Instant> lastFailure() {
            return Optional.ofNullable(lastFailure.get());
        }

        public Optional<String> lastError() {
            return Optional.ofNullable(lastError.get());
        }
    }

    private record InFlight(String routeId, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Stats> routes = new ConcurrentHashMap<>();
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Duration> durations = (route, took) -> { };

    public RouteActivity(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    /** Told the duration of every finished run (for the metrics' timers). */
    public void onDuration(BiConsumer<String, Duration> listener) {
        this.durations = listener;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        String route = exchange.getFromRouteId();
        if (route == null) {
            return; // a producer template's exchange: no route consumed it
        }
        Instant now = clock.instant();
        Stats stats = routes.computeIfAbsent(route, r -> new Stats());
        if (event instanceof ExchangeCreatedEvent) {
            stats.started.incrementAndGet();
            stats.lastStart.set(now);
            inFlight.put(exchange.getExchangeId(), new InFlight(route, now));
            return;
        }
        if (!(event instanceof ExchangeCompletedEvent) && !(event instanceof ExchangeFailedEvent)) {
            return;
        }
        InFlight run = inFlight.remove(exchange.getExchangeId());
        if (Boolean.TRUE.equals(exchange.isExternalRedelivered())) {
            stats.redelivered.incrementAndGet();
        }
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            stats.succeeded.incrementAndGet();
            stats.lastSuccess.set(now);
        } else {
            stats.failed.incrementAndGet();
            stats.lastFailure.set(now);
            stats.lastError.set(oneLine(failure));
        }
        if (run != null) {
            durations.accept(route, Duration.between(run.since(), now));
        }
    }

    public Optional<Stats> stats(String routeId) {
        return Optional.ofNullable(routes.get(routeId));
    }

    /** Start of the oldest run still in flight on any of these routes. */
    public Optional<Instant> oldestInFlight(Collection<String> routeIds) {
        return inFlight.values().stream().filter(r -> routeIds.contains(r.routeId())).map(InFlight::since)
                .min(Instant::compareTo);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
