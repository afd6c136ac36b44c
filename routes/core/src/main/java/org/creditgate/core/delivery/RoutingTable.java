package org.creditgate.core.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.creditgate.core.health.ComponentHealth;
import org.creditgate.model.Dataset;
import org.creditgate.spi.config.ConfigValues;
import org.creditgate.model.routing.PushSchedule;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.routing.UpstreamRouting.Regime;
import org.creditgate.model.routing.UpstreamRouting.Upstream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table of org.creditgate.routing.cfg, reloaded live ({@link Modified}) without restarting the core. An
 * invalid table is not applied: {@link #current()} then fails with the PID and key, so the fan-out leaves records on
 * their queue instead of routing them by a half-read table.
 */
@Component(service = RoutingTable.class, configurationPid = RoutingTable.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class RoutingTable {

    public static final String PID = "org.creditgate.routing";
    private static final Logger LOG = LoggerFactory.getLogger(RoutingTable.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*");
    private static final String ALWAYS = "always";
    /** What skips a push window unless {@code <id>.realtime} says otherwise: corrections and shields. */
    private static final List<String> DEFAULT_REALTIME = List.of("UPDATE", "SHIELD");

    private volatile UpstreamRouting routing;
    private volatile List<String> deadlineUpstreams = List.of();
    private volatile String problem = PID + ": not configured yet";

    public RoutingTable() {
    }

    /** For tests and tools outside OSGi. */
    public RoutingTable(Map<String, ?> properties) {
        configure(properties);
    }

    @Activate
    @Modified
    void configure(Map<String, ?> properties) {
        try {
            UpstreamRouting parsed = parse(properties);
            deadlineUpstreams = list(properties, "deadline.upstreams")
                    .orElse(List.copyOf(parsed.upstreams().keySet()));
            for (String id : deadlineUpstreams) {
                if (!parsed.upstreams().containsKey(id)) {
                    throw invalid("deadline.upstreams", "'" + id + "' is not one of the upstreams");
                }
            }
            routing = parsed;
            problem = null;
            LOG.info("Upstream routing: {}", describe(routing));
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.error("Upstream routing not applied: {}", problem);
        }
    }

    /** The table in force. @throws IllegalStateException naming the PID and key when it is invalid */
    public UpstreamRouting current() {
        String p = problem;
        if (p != null) {
            throw new IllegalStateException(p);
        }
        return routing;
    }

    /** Upstreams whose acceptance counts as "published" for the 双公示 deadline. */
    public List<String> deadlineUpstreams() {
        current();
        return deadlineUpstreams;
    }

    public ComponentHealth health() {
        String p = problem;
        return p == null ? ComponentHealth.up("routing", describe(routing)) : ComponentHealth.down("routing", p);
    }

    static UpstreamRouting parse(Map<String, ?> props) {
        List<Upstream> upstreams = new ArrayList<>();
        for (String id : list(props, "upstreams").orElseThrow(() -> invalid("upstreams", "is required"))) {
            if (!ID.matcher(id).matches()) {
                throw invalid("upstreams", "'" + id + "' must be one lower-case word");
            }
            Set<Dataset> datasets = EnumSet.noneOf(Dataset.class);
            for (String d : list(props, id + ".datasets").orElseThrow(() -> invalid(id + ".datasets", "is required"))) {
                try {
                    datasets.add(Dataset.valueOf(d.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw invalid(id + ".datasets", "'" + d + "' is not one of " + Arrays.toString(Dataset.values()));
                }
            }
            String regime = text(props, id + ".regime").orElse(Regime.SHARING.name());
            Regime r;
            try {
                r = Regime.valueOf(regime.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(id + ".regime", "'" + regime + "' is not one of " + Arrays.toString(Regime.values()));
            }
            upstreams.add(new Upstream(id, datasets, r, schedule(props, id)));
        }
        return new UpstreamRouting(upstreams);
    }

    /** {@code <id>.schedule} (cron or {@code always}), {@code .window}, {@code .days}, {@code .realtime}. */
    private static PushSchedule schedule(Map<String, ?> props, String id) {
        String cron = text(props, id + ".schedule").orElse(ALWAYS);
        if (ALWAYS.equalsIgnoreCase(cron)) {
            for (String key : List.of(".window", ".days", ".realtime")) {
                if (text(props, id + key).isPresent()) {
                    throw invalid(id + key, "applies only to a push window, but " + id + ".schedule is always");
                }
            }
            return PushSchedule.ALWAYS;
        }
        Duration window;
        try {
            window = ConfigValues.duration(text(props, id + ".window").orElseThrow(
                    () -> invalid(id + ".window", "is required with a schedule (how long each window stays open)")));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(PID)) {
                throw e;
            }
            throw invalid(id + ".window", "'" + props.get(id + ".window") + "' is not a duration like 4h or 30m");
        }
        String days = text(props, id + ".days").orElse("every");
        PushSchedule.Days d = switch (days.toLowerCase(Locale.ROOT)) {
            case "every" -> PushSchedule.Days.EVERY_DAY;
            case "working" -> PushSchedule.Days.WORKING_DAYS;
            default -> throw invalid(id + ".days", "'" + days + "' must be every or working");
        };
        List<String> realtime = list(props, id + ".realtime").orElse(DEFAULT_REALTIME);
        try {
            PushSchedule s = PushSchedule.windowed(cron, window, d, Set.copyOf(realtime));
            if (window.compareTo(Duration.ofDays(1)) > 0) {
                throw invalid(id + ".window", window + " is longer than a day");
            }
            return s;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(PID)) {
                throw e;
            }
            String key = e.getMessage() != null && e.getMessage().startsWith("real-time") ? ".realtime" : ".schedule";
            throw invalid(id + key, e.getMessage());
        }
    }

    private static Optional<String> text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString().trim());
    }

    private static Optional<List<String>> list(Map<String, ?> props, String key) {
        return text(props, key).map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(PID + ": " + key + ": " + problem);
    }

    private static String describe(UpstreamRouting r) {
        StringBuilder b = new StringBuilder();
        r.upstreams().values().forEach(u -> b.append(b.length() == 0 ? "" : "; ").append(u.id()).append(' ')
                .append(u.regime()).append(' ').append(u.datasets()).append(' ').append(u.schedule()));
        return b.toString();
    }
}
