package org.creditgate.simulators;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.creditgate.connector.ecology.sim.EcologySimulator;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.connector.tax.sim.TaxSimulator;

/**
 * The four reference departments at work, for {@code ./gateway demo}: the court publishes 失信被执行人 on its SOAP
 * service, the ecology bureau writes penalties into its exchange table, the tax bureau drops its red and black
 * lists, the market regulation bureau pushes its penalties — a first batch (with one bad record each), then a new
 * record per department every period, until stopped.
 *
 * <p>{@code DepartmentDemo <api base> <karaf home> <court port> <exchange jdbc url> [period seconds]}
 */
public final class DepartmentDemo {

    private final AtomicInteger round = new AtomicInteger();
    /** Numbers unique across demo runs, so a restarted demo adds records instead of resending old ones. */
    private final long base = Instant.now().getEpochSecond() % 1_000_000 * 100;

    private final CourtSimulator court;
    private final EcologySimulator ecology;
    private final TaxSimulator tax;
    private final SamrSimulator samr;

    private DepartmentDemo(String api, Path karaf, int courtPort, String exchangeUrl) throws SQLException {
        court = new CourtSimulator().start(courtPort);
        ecology = EcologySimulator.connect(exchangeUrl, "sa", "");
        try {
            ecology.createTable();
        } catch (SQLException exists) {
            // a later demo run reuses the table
        }
        tax = new TaxSimulator(karaf.resolve("data/drop/swj"));
        samr = new SamrSimulator(api, "rest-scjgj", "scjgj-demo-token");
    }

    public static void main(String[] args) throws Exception {
        String api = args.length > 0 ? args[0] : "http://127.0.0.1:8181/api/v1";
        Path karaf = Path.of(args.length > 1 ? args[1] : "run/karaf").toAbsolutePath();
        int courtPort = args.length > 2 ? Integer.parseInt(args[2]) : 8089;
        String exchange = args.length > 3 ? args[3]
                : "jdbc:h2:file:" + karaf.resolve("data/demo/exchange") + ";AUTO_SERVER=TRUE";
        int period = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        DepartmentDemo demo = new DepartmentDemo(api, karaf, courtPort, exchange);
        demo.firstBatch();
        ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
        every.scheduleWithFixedDelay(demo::oneMore, period, period, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            every.shutdownNow();
            demo.court.close();
        }));
        System.out.println("Department simulators running: court SOAP " + demo.court.url() + ", exchange table "
                + exchange + ", tax drops in " + karaf.resolve("data/drop/swj") + ", samr pushes to " + api
                + "; a new record per department every " + period + " s. Ctrl-C (or ./gateway stop) ends them.");
        Thread.currentThread().join();
    }

    private void firstBatch() throws Exception {
        for (int n = 1; n <= 5; n++) {
            court.add(DemoExecutees.person((int) (base % 900) + n));
        }
        court.add(DemoExecutees.person((int) (base % 900) + 6).setCardNum(DemoExecutees.brokenIdNo((int) (base % 900) + 6)));
        for (long id = base + 1; id <= base + 5; id++) {
            ecology.insertPenalty(id);
        }
        ecology.insertBad(base + 6, EcologySimulator.Fault.BAD_USCC);
        int first = (int) (base % 100_000);
        tax.drop(TaxSimulator.ListType.RED, TaxSimulator.Format.CSV_GBK, first + 1, 5, Set.of(first + 3));
        tax.drop(TaxSimulator.ListType.BLACK, TaxSimulator.Format.XLSX, first + 11, 3);
        List<JsonNode> pushes = new ArrayList<>(SamrSimulator.penalties(first + 1, 5));
        pushes.add(SamrSimulator.legacyPenalty(first + 6));
        pushes.add(SamrSimulator.badPenalty(first + 7));
        print("samr", samr.push(pushes));
    }

    private void oneMore() {
        int n = round.incrementAndGet();
        int first = (int) (base % 100_000) + 100 + n;
        try {
            court.add(DemoExecutees.person((int) (base % 900) + 10 + n));
            ecology.insertPenalty(base + 10 + n);
            tax.drop(TaxSimulator.ListType.RED, TaxSimulator.Format.CSV_UTF8, first * 10, 1);
            print("samr", samr.push(SamrSimulator.penalties(first, 1)));
        } catch (Exception e) {
            // the gateway may be restarting; the next round tries again
            System.out.println("round " + n + ": " + e.getMessage());
        }
    }

    private static void print(String who, SamrSimulator.Answer a) {
        System.out.println(who + ": HTTP " + a.status() + ", accepted " + a.body().path("accepted") + ", already "
                + a.body().path("alreadyAccepted") + ", rejected " + a.body().path("rejected"));
    }
}
