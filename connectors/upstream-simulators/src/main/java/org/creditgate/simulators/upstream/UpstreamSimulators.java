package org.creditgate.simulators.upstream;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.creditgate.simulators.upstream.core.Ports;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;

/**
 * Runs the four upstream simulators in one process for a demo:
 * {@code java -jar creditgate-upstream-simulators.jar [--province=8301] [--province-callback=URL]
 * [--national=8302] [--national-admin=8312] [--creditchina=8303] [--gsxt-dir=target/gsxt] [--gsxt-admin=8304]}.
 * GSXT reads batches from {@code <gsxt-dir>/exchange} and writes receipts to {@code <gsxt-dir>/receipts}.
 */
public final class UpstreamSimulators implements AutoCloseable {

    private final ProvinceSimulator province;
    private final NationalSimulator national;
    private final CreditChinaSimulator creditChina;
    private final GsxtSimulator gsxt;

    private UpstreamSimulators(Map<String, String> o) {
        province = new ProvinceSimulator().start(port(o, "province", 8301));
        if (o.containsKey("province-callback")) {
            province.callbackUrl(o.get("province-callback"));
        }
        national = new NationalSimulator().start(port(o, "national", 8302), port(o, "national-admin", 8312));
        creditChina = new CreditChinaSimulator().start(port(o, "creditchina", 8303));
        Path dir = Path.of(o.getOrDefault("gsxt-dir", "target/gsxt"));
        gsxt = new GsxtSimulator(dir.resolve("exchange"), dir.resolve("receipts")).start(port(o, "gsxt-admin", 8304));
    }

    /** Starts all four; options as in {@link #main} without the leading dashes ({@code "province" → "0"}). */
    public static UpstreamSimulators start(Map<String, String> options) {
        return new UpstreamSimulators(options);
    }

    public ProvinceSimulator province() {
        return province;
    }

    public NationalSimulator national() {
        return national;
    }

    public CreditChinaSimulator creditChina() {
        return creditChina;
    }

    public GsxtSimulator gsxt() {
        return gsxt;
    }

    /** One line per simulator: where to send, where to look. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "province    " + province.url() + "/batches   admin " + province.baseUrl() + "/admin/state",
                "national    " + national.url() + "?wsdl   admin " + national.adminUrl() + "/admin/state",
                "creditchina " + creditChina.url() + "/records   admin " + creditChina.baseUrl() + "/admin/state",
                "gsxt        batches into " + gsxt.exchangeDir() + ", receipts in " + gsxt.receiptDir()
                        + "   admin " + gsxt.adminUrl() + "/admin/state");
    }

    @Override
    public void close() {
        province.close();
        national.close();
        creditChina.close();
        gsxt.close();
    }

    private static int port(Map<String, String> o, String key, int dflt) {
        return Integer.parseInt(o.getOrDefault(key, Integer.toString(dflt)));
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("options are --name=value, e.g. --province=8301; got " + a);
                System.exit(2);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        UpstreamSimulators all = start(options);
        System.out.println("Upstream simulators (Ctrl-C stops them):" + System.lineSeparator() + all.describe());
        Ports.awaitShutdown(all);
    }
}
