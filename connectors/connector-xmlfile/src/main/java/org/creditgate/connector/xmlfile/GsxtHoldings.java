package org.creditgate.connector.xmlfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.model.CanonicalJson;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;

/**
 * Reconciliation over the file exchange: the upstream publishes what it holds as {@code holdings.json} in the receipt
 * directory (rewritten after every batch it processes; upstream-simulators/README.md, "gsxt"). A file exchange has
 * no status query, so the status of one record version is read from the same file: HELD when the upstream holds
 * exactly that version, else NOT_HELD. Refusals are not in it — they came back as receipt files, which the sink has
 * already reported (REJECTED), so an UNKNOWN delivery here is one whose receipt never came: resent.
 */
final class GsxtHoldings implements UpstreamHoldings {

    static final String HOLDINGS_FILE = "holdings.json";

    private final Path file;
    private final Path exchangeDir;

    GsxtHoldings(XmlFileSettings settings) {
        this.file = settings.receiptDir().resolve(HOLDINGS_FILE);
        this.exchangeDir = settings.exchangeDir();
    }

    @Override
    public List<Holding> holdings(String dataset) {
        List<Holding> out = new ArrayList<>();
        for (JsonNode h : read().path("holdings")) {
            String d = h.path("dataset").asText(null);
            if (dataset == null || dataset.equals(d)) {
                out.add(new Holding(h.path("recordId").asText(), d, h.path("version").asInt(),
                        h.path("withdrawn").asBoolean(false)));
            }
        }
        return out;
    }

    /**
     * HELD when holdings.json says so; PENDING when a batch of exactly this version, manifest included, still lies
     * in the exchange directory (written, not yet taken — holdings.json is only rewritten after the upstream processes a batch);
     * else NOT_HELD. No holdings.json yet means the upstream holds nothing.
     */
    @Override
    public RecordStatus status(DeliveryRef ref) {
        Integer held = null;
        if (Files.exists(file)) {
            for (Holding h : holdings(null)) {
                if (h.recordId().equals(ref.recordId())) {
                    held = h.version();
                }
            }
        }
        if (held != null && held == ref.version()) {
            return new RecordStatus(State.HELD, held, null);
        }
        return new RecordStatus(waiting(ref) ? State.PENDING : State.NOT_HELD, held, null);
    }

    private boolean waiting(DeliveryRef ref) {
        // the manifest is the commit point: the upstream takes a batch only once its manifest is in place, so a
        // batch file left without one by a crash is not "sent" — it is written again under a new batch id
        String suffix = "-" + ref.recordId() + "-v" + ref.version() + BatchWriter.MANIFEST;
        try (Stream<Path> files = Files.list(exchangeDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + exchangeDir + ": " + e.getMessage(), e);
        }
    }

    private JsonNode read() {
        try {
            return CanonicalJson.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the upstream has not published " + file + " (yet)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
