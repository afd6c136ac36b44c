package org.creditgate.bench.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.creditgate.model.Dataset;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;

/**
 * The four upstream platforms as in-process simulators, and how a booted gateway is pointed at them: the sink
 * connectors' configuration, the push windows, the routing table read the way the gateway reads it, and the
 * simulators' stores fed to a {@link DeliveryTracker}. Shared by GatewayBench and ChaosRun.
 */
public final class Upstreams implements AutoCloseable {

    public static final List<String> IDS = List.of("province", "national", "creditchina", "gsxt");

    public final NationalSimulator national;
    public final ProvinceSimulator province;
    public final CreditChinaSimulator creditchina;
    /** Started by {@link #connect}: it scans the exchange directory inside the gateway's home. */
    public GsxtSimulator gsxt;

    private Upstreams(NationalSimulator national, ProvinceSimulator province, CreditChinaSimulator creditchina) {
        this.national = national;
        this.province = province;
        this.creditchina = creditchina;
    }

    /** Starts province, national and creditchina on free loopback ports. */
    public static Upstreams start() {
        return new Upstreams(new NationalSimulator().start(0), new ProvinceSimulator().start(0),
                new CreditChinaSimulator().start(0));
    }

    /**
     * Starts gsxt on the gateway's exchange directories, writes the four sink connectors' configuration and installs
     * their features. {@code alwaysOn}: no push windows (see {@link #keepAlwaysOn}); {@code receiptPoll}: how often
     * the province and gsxt sinks look for asynchronous receipts (null: the connectors' default).
     */
    public void connect(KarafProcess karaf, boolean alwaysOn, Duration receiptPoll) throws Exception {
        gsxt = new GsxtSimulator(Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/out")),
                Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/receipts")))
                .start(0, Duration.ofMillis(200));
        connect(karaf, national.url(), province.url(), creditchina.url(), alwaysOn, receiptPoll);
    }

    /** The sink connectors' configuration pointed at the given simulators, then their features installed. */
    public static void connect(KarafProcess karaf, String nationalUrl, String provinceUrl, String creditchinaUrl,
            boolean alwaysOn, Duration receiptPoll) throws Exception {
        if (alwaysOn) {
            keepAlwaysOn(karaf, IDS);
        }
        String poll = receiptPoll == null ? "" : "receiptPollPeriod = " + receiptPoll.toSeconds() + "s\n";
        karaf.writeEtc("org.creditgate.connector.soap-national.cfg", "department = national\nendpoint = "
                + nationalUrl + "\n");
        karaf.writeEtc("org.creditgate.connector.xmlfile-gsxt.cfg", "department = gsxt\n" + poll);
        karaf.writeEtc("org.creditgate.connector.envelope-province.cfg", "department = province\nurl = "
                + provinceUrl + "\nsubmitPath = /batches\nreceipts = ASYNC\n" + poll);
        karaf.writeEtc("org.creditgate.connector.envelope-creditchina.cfg", "department = creditchina\nurl = "
                + creditchinaUrl + "\nsubmitPath = /records\nreceipts = SYNC\npublicView = true\n");
        karaf.installFeatures(List.of("creditgate-connector-province", "creditgate-connector-national",
                "creditgate-connector-creditchina", "creditgate-connector-gsxt"));
    }

    /**
     * PUSH WINDOWS — the one place the harness touches the {@code <upstream>.schedule/window/days/realtime} keys of
     * {@code etc/org.creditgate.routing.cfg}: the shipped table gives province a nightly and national an hourly
     * window, and a benchmark or chaos run must not wait for the night.
     */
    public static void keepAlwaysOn(KarafProcess karaf, List<String> upstreams) throws IOException {
        Path cfg = karaf.home.resolve("etc/org.creditgate.routing.cfg");
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (!line.matches("^[a-z0-9]+\\.(schedule|window|days|realtime)\\s*=.*")) {
                text.append(line).append('\n');
            }
        }
        text.append("\n# benchmark: no push windows\n");
        for (String u : upstreams) {
            text.append(u).append(".schedule = always\n");
        }
        karaf.writeEtc("org.creditgate.routing.cfg", text.toString());
    }

    /** The routing table of the instance under test, read the way the gateway reads it (ids, datasets, regime). */
    public static UpstreamRouting routing(Path cfg) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(cfg, StandardCharsets.UTF_8)));
        List<UpstreamRouting.Upstream> ups = new ArrayList<>();
        for (String id : p.getProperty("upstreams", "").split("\\s*,\\s*")) {
            if (id.isBlank()) {
                continue;
            }
            EnumSet<Dataset> ds = EnumSet.noneOf(Dataset.class);
            for (String d : p.getProperty(id + ".datasets", "").split("\\s*,\\s*")) {
                if (!d.isBlank()) {
                    ds.add(Dataset.valueOf(d.trim()));
                }
            }
            ups.add(new UpstreamRouting.Upstream(id, ds,
                    UpstreamRouting.Regime.valueOf(p.getProperty(id + ".regime", "SHARING").trim())));
        }
        return new UpstreamRouting(ups);
    }

    /** Feeds an upstream simulator's store to the tracker: every poll takes the items stored since the last one. */
    public static void follow(DeliveryTracker tracker, String upstream, UpstreamStore store) {
        int[] seen = {0};
        tracker.source(upstream, () -> {
            List<StoredItem> all = store.data();
            List<DeliveryTracker.Arrival> fresh = new ArrayList<>(Math.max(0, all.size() - seen[0]));
            for (int i = seen[0]; i < all.size(); i++) {
                StoredItem it = all.get(i);
                fresh.add(new DeliveryTracker.Arrival(upstream, it.recordId(), it.version(), it.receivedAt()));
            }
            seen[0] = all.size();
            return fresh;
        });
    }

    /** All four stores followed by the tracker. */
    public void follow(DeliveryTracker tracker) {
        stores().forEach((u, s) -> follow(tracker, u, s));
    }

    public Map<String, UpstreamStore> stores() {
        Map<String, UpstreamStore> m = new LinkedHashMap<>();
        m.put("province", province.store());
        m.put("national", national.store());
        m.put("creditchina", creditchina.store());
        if (gsxt != null) {
            m.put("gsxt", gsxt.store());
        }
        return m;
    }

    public Map<String, Misbehaviour> misbehaviours() {
        Map<String, Misbehaviour> m = new LinkedHashMap<>();
        m.put("province", province.misbehaviour());
        m.put("national", national.misbehaviour());
        m.put("creditchina", creditchina.misbehaviour());
        if (gsxt != null) {
            m.put("gsxt", gsxt.misbehaviour());
        }
        return m;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {gsxt, creditchina, province, national}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
