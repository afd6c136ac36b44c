package org.creditgate.connector.xmlfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.delivery.DeliveryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan of the receipt directory ({@code *.receipt.xml}, in name order): each receipt's results go to the ledger
 * (ACCEPTED → {@code accepted}, REJECTED → {@code rejected} with the upstream's error text, logged), then the file
 * moves to {@code done/<ackFor>.receipt.xml}. A receipt whose ackFor is already in {@code done/} is a duplicate
 * ({@code .dupN.receipt.xml}, or a re-release): moved to {@code done/duplicates/}, not reported again. An unreadable
 * file moves to {@code error/}. Then batches past {@code receiptTimeout} without a receipt are reported UNKNOWN. A
 * failure is one WARN line; the next scan retries.
 */
final class ReceiptReader implements Processor {

    static final String GLOB = "*.receipt.xml";
    static final String SUFFIX = ".receipt.xml";
    static final String DONE = "done";
    static final String DUPLICATES = "duplicates";
    static final String ERROR = "error";
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptReader.class);

    private final XmlFileSettings settings;
    private final ConnectorDescriptor descriptor;
    private final ConnectorContext context;
    private final PendingBatches pending;

    ReceiptReader(XmlFileSettings settings, ConnectorDescriptor descriptor, ConnectorContext context,
            PendingBatches pending) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.context = context;
        this.pending = pending;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Path dir = settings.receiptDir();
        Path done = dir.resolve(DONE);
        Files.createDirectories(done.resolve(DUPLICATES));
        for (Path file : receipts(dir)) {
            Receipt receipt;
            try {
                receipt = Receipt.read(file);
            } catch (IOException e) {
                LOG.warn("{}: {}; moved to {}/", descriptor.id(), e.getMessage(), ERROR);
                Files.createDirectories(dir.resolve(ERROR));
                move(file, dir.resolve(ERROR).resolve(file.getFileName()));
                continue;
            }
            Path handled = done.resolve(receipt.ackFor() + SUFFIX);
            if (Files.exists(handled)) {
                move(file, done.resolve(DUPLICATES).resolve(file.getFileName()));
                continue;
            }
            report(receipt);
            pending.receipted(receipt.ackFor());
            move(file, handled);
        }
        for (String batchId : pending.overdue(settings.receiptTimeout())) {
            BatchIds.refOf(batchId).ifPresent(ref -> context.deliveries().unknown(List.of(ref)));
            pending.markUnknown(batchId);
            LOG.warn("{}: no receipt for batch {} after {}: reported UNKNOWN", descriptor.id(), batchId,
                    settings.receiptTimeout());
        }
    }

    private void report(Receipt receipt) {
        String ackFor = receipt.ackFor();
        List<DeliveryRef> accepted = new ArrayList<>();
        // every batch carries one record version and its id names it: for a SHIELD the receipt names the shielded
        // record, the batch id the shield's own record, which is what the ledger tracks
        java.util.Optional<DeliveryRef> batchRef = BatchIds.refOf(ackFor).filter(b -> receipt.results().size() == 1);
        for (Receipt.Result r : receipt.results()) {
            if (r.accepted()) {
                accepted.add(batchRef.orElse(r.ref()));
            } else {
                refused(batchRef.orElse(r.ref()), ackFor, Receipt.text(r.status(), r.errors().isEmpty() ? receipt.errors() : r.errors()));
            }
        }
        if (!accepted.isEmpty()) {
            context.deliveries().accepted(accepted, ackFor);
        }
        if (receipt.results().isEmpty()) {
            // the batch was refused as a whole (manifest, format): the batch id names the record version
            BatchIds.refOf(ackFor).ifPresentOrElse(
                    ref -> refused(ref, ackFor, Receipt.text(receipt.status(), receipt.errors())),
                    () -> LOG.warn("{}: receipt {} ({}) names no record and no batch of ours", descriptor.id(),
                            ackFor, Receipt.text(receipt.status(), receipt.errors())));
        }
    }

    private void refused(DeliveryRef ref, String ackFor, String error) {
        context.deliveries().rejected(ref, ackFor, error);
        LOG.warn("{}: gsxt refused {}:{} in batch {}: {}", descriptor.id(), ref.recordId(), ref.version(), ackFor,
                error);
    }

    private static List<Path> receipts(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, GLOB)) {
            files.forEach(f -> {
                if (Files.isRegularFile(f)) {
                    out.add(f);
                }
            });
        }
        out.sort(null);
        return out;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
