package org.creditgate.itests;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;

/**
 * The four upstream platform simulators with their sink connectors installed in a booted gateway, configured as in
 * UpstreamDeliveryIT: province REST with asynchronous receipts, national SOAP, 信用中国 the public view with
 * synchronous receipts, GSXT files with receipt files.
 */
final class UpstreamSimulators implements AutoCloseable {

    static final List<String> ALL = List.of("creditchina", "gsxt", "national", "province");

    final NationalSimulator national = new NationalSimulator().start(0);
    final ProvinceSimulator province = new ProvinceSimulator().start(0);
    final CreditChinaSimulator creditchina = new CreditChinaSimulator().start(0);
    GsxtSimulator gsxt;

    /** Starts GSXT's file exchange in the gateway's folders, configures the four sinks and installs their features. */
    UpstreamSimulators connect(KarafInstance karaf) throws Exception {
        gsxt = new GsxtSimulator(Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/out")),
                Files.createDirectories(karaf.home.resolve("data/exchange/gsxt/receipts"))).start(0,
                        Duration.ofMillis(200));
        karaf.writeEtc("org.creditgate.connector.soap-national.cfg", "department = national\nendpoint = "
                + national.url() + "\n");
        karaf.writeEtc("org.creditgate.connector.xmlfile-gsxt.cfg", "department = gsxt\nreceiptPollPeriod = 1s\n");
        karaf.writeEtc("org.creditgate.connector.envelope-province.cfg", "department = province\nurl = "
                + province.url() + "\nsubmitPath = /batches\nreceipts = ASYNC\nreceiptPollPeriod = 1s\n");
        karaf.writeEtc("org.creditgate.connector.envelope-creditchina.cfg", "department = creditchina\nurl = "
                + creditchina.url() + "\nsubmitPath = /records\nreceipts = SYNC\npublicView = true\n");
        for (String upstream : ALL) {
            karaf.installFeature("creditgate-connector-" + upstream);
        }
        return this;
    }

    UpstreamStore store(String upstream) {
        return switch (upstream) {
            case "national" -> national.store();
            case "province" -> province.store();
            case "creditchina" -> creditchina.store();
            case "gsxt" -> gsxt.store();
            default -> throw new IllegalArgumentException(upstream);
        };
    }

    @Override
    public void close() {
        national.close();
        province.close();
        creditchina.close();
        if (gsxt != null) {
            gsxt.close();
        }
    }
}
