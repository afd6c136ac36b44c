package org.creditgate.simulators.upstream.gsxt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.creditgate.model.crypto.Sm3;
import org.creditgate.simulators.upstream.core.AdminApi;
import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.simulators.upstream.core.EnvelopeException;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.Ports;
import org.creditgate.simulators.upstream.core.QueryApi;
import org.creditgate.simulators.upstream.core.Receipt;
import org.creditgate.simulators.upstream.core.SimHttpServer;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 国家企业信用信息公示系统: batch XML files plus a manifest dropped into an exchange directory; the simulator scans it,
 * checks the manifest (file present, SM3, count, dataset, batchId), moves the pair to {@code processed/}, and writes
 * {@code <batchId>.receipt.xml} into the receipt directory and its holdings to {@code holdings.json} there. An
 * admin/status HTTP port runs beside it (README, "gsxt").
 */
public final class GsxtSimulator implements AutoCloseable {

    public static final String UPSTREAM = "gsxt";
    public static final String E_MANIFEST = "E_MANIFEST";
    public static final String RECEIPT_SUFFIX = ".receipt.xml";
    public static final String HOLDINGS_FILE = "holdings.json";
    public static final String PROCESSED = "processed";
    private static final Logger LOG = LoggerFactory.getLogger(GsxtSimulator.class);

    private final Path exchangeDir;
    private final Path receiptDir;
    private final Misbehaviour misbehaviour = new Misbehaviour();
    private final UpstreamStore store = new UpstreamStore();
    private final BatchIntake intake = new BatchIntake(UPSTREAM, store, misbehaviour);
    private final Set<String> written = new HashSet<>();
    private ScheduledExecutorService scheduler;
    private SimHttpServer admin;

    public GsxtSimulator(Path exchangeDir, Path receiptDir) {
        this.exchangeDir = exchangeDir;
        this.receiptDir = receiptDir;
    }

    /** Scans the exchange directory every {@code scanEvery}; admin/status on {@code adminPort} (0 = free). */
    public GsxtSimulator start(int adminPort, Duration scanEvery) {
        try {
            Files.createDirectories(exchangeDir.resolve(PROCESSED));
            Files.createDirectories(receiptDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gsxt-scan");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::scanQuietly, 0, scanEvery.toMillis(), TimeUnit.MILLISECONDS);
        admin = new SimHttpServer(UPSTREAM + "-admin", adminPort, misbehaviour)
                .plain("/gsxt/v1/status", req -> QueryApi.status(intake, req, this::receiptWritten))
                .plain("/gsxt/v1/holdings", req -> QueryApi.holdings(intake, req));
        AdminApi.register(admin, intake);
        admin.start();
        return this;
    }

    public GsxtSimulator start(int adminPort) {
        return start(adminPort, Duration.ofMillis(200));
    }

    public Path exchangeDir() {
        return exchangeDir;
    }

    public Path receiptDir() {
        return receiptDir;
    }

    public String adminUrl() {
        return admin.baseUrl();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("gsxt scan of {} failed", exchangeDir, e);
        }
    }

    /** One scan: every complete batch (manifest present), in name order. Returns how many were processed. */
    public synchronized int scan() {
        if (misbehaviour.inOutage()) {
            return 0;
        }
        List<Path> manifests;
        try (Stream<Path> files = Files.list(exchangeDir)) {
            manifests = files.filter(p -> p.getFileName().toString().endsWith(GsxtManifest.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int done = 0;
        for (Path manifest : manifests) {
            misbehaviour.applyLatency();
            if (misbehaviour.nextRequestFails()) {
                continue; // left for the next scan
            }
            process(manifest);
            done++;
        }
        return done;
    }

    private void process(Path manifestFile) {
        String name = manifestFile.getFileName().toString();
        String batchId = name.substring(0, name.length() - GsxtManifest.SUFFIX.length());
        Path dataFile = null;
        Receipt receipt;
        try {
            GsxtManifest manifest = GsxtManifest.of(Json.read(Files.readAllBytes(manifestFile)));
            batchId = manifest.batchId();
            dataFile = exchangeDir.resolve(manifest.file());
            if (!Files.isRegularFile(dataFile)) {
                throw new EnvelopeException(E_MANIFEST, "file", "data file " + manifest.file() + " not found");
            }
            byte[] xml = Files.readAllBytes(dataFile);
            boolean digestOk = Sm3.hex(xml).equalsIgnoreCase(manifest.sm3());
            receipt = intake.process(GsxtBatchXml.read(xml, manifest), digestOk);
        } catch (EnvelopeException e) {
            receipt = intake.refuse(batchId, e.toError());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        moveToProcessed(manifestFile);
        if (dataFile != null && Files.exists(dataFile)) {
            moveToProcessed(dataFile);
        }
        writeHoldings();
        Receipt r = receipt;
        int copies = 1 + misbehaviour.duplicateReceipts();
        scheduler.schedule(() -> writeReceipt(r, copies), misbehaviour.receiptDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void writeReceipt(Receipt r, int copies) {
        byte[] bytes = GsxtReceiptXml.write(r);
        for (int i = 0; i < copies; i++) {
            String file = r.ackFor() + (i == 0 ? "" : ".dup" + i) + RECEIPT_SUFFIX;
            writeAtomically(receiptDir.resolve(file), bytes);
        }
        synchronized (written) {
            written.add(r.ackFor());
        }
    }

    private void writeHoldings() {
        writeAtomically(receiptDir.resolve(HOLDINGS_FILE),
                Json.write(intake.holdingsReport(null)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void moveToProcessed(Path file) {
        try {
            Files.move(file, exchangeDir.resolve(PROCESSED).resolve(file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean receiptWritten(String msgId) {
        synchronized (written) {
            return written.contains(msgId);
        }
    }

    // --- for tests ---

    public UpstreamStore store() {
        return store;
    }

    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    public BatchIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close();
        }
    }

    /** {@code GsxtSimulator <exchangeDir> <receiptDir> [adminPort]} (default admin port 8304). */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: GsxtSimulator <exchangeDir> <receiptDir> [adminPort]");
            System.exit(2);
        }
        GsxtSimulator sim = new GsxtSimulator(Path.of(args[0]), Path.of(args[1]))
                .start(args.length > 2 ? Integer.parseInt(args[2]) : 8304);
        System.out.println("GSXT simulator: batches into " + sim.exchangeDir() + ", receipts from "
                + sim.receiptDir() + " (admin " + sim.adminUrl() + "/admin/state)");
        Ports.awaitShutdown(sim);
    }
}
