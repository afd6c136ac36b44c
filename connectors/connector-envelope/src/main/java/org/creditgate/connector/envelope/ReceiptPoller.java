package org.creditgate.connector.envelope;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.creditgate.connector.envelope.PendingBatches.Item;
import org.creditgate.connector.envelope.PendingBatches.Pending;
import org.creditgate.connector.envelope.UpstreamClient.Answer;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.ShieldItem;
import org.creditgate.spi.delivery.UpstreamDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASYNC receipts: asks the upstream for the receipt of every pending message ({@code GET <url>/receipts/<msgId>},
 * oldest first) and settles those that are answered or overdue. Per finished message the route first dead-letters
 * its refused records, then {@link #report} writes the ledger and removes the pending file — so a crash in between
 * repeats the step, never skips it. Polling by msgId is immune to the duplicate receipts the upstream's feed and
 * callback may deliver.
 */
final class ReceiptPoller {

    /** Most pending messages asked about per poll. */
    static final int MAX_PER_POLL = 200;

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPoller.class);

    /** A pending message that has its answer: a receipt, or a reason it is reported UNKNOWN. */
    record Finished(Pending pending, UpstreamReceipt receipt, String unknownBecause) {

        /** What goes to the dead-letter queue: records refused by the upstream, or all of a refused batch. */
        List<DeadLetter> deadLetters() {
            List<DeadLetter> out = new ArrayList<>();
            if (receipt == null) {
                return out;
            }
            for (Item item : pending.items()) {
                if (receipt.refusedAsBatch()) {
                    out.add(new DeadLetter(item.body(), item.headers(), DeadLetter.POISON,
                            "batch " + receipt.ackFor() + " refused: " + receipt.batchErrors()));
                } else {
                    receipt.resultFor(itemRef(item)).filter(r -> !r.accepted()).ifPresent(r -> out.add(
                            new DeadLetter(item.body(), item.headers(), DeadLetter.VALIDATION, r.errors())));
                }
            }
            return out;
        }
    }

    private final String id;
    private final UpstreamClient client;
    private final PendingBatches pending;
    private final UpstreamDeliveries deliveries;
    private final Duration timeout;
    private final Clock clock;

    ReceiptPoller(String id, UpstreamClient client, PendingBatches pending, UpstreamDeliveries deliveries,
            Duration timeout, Clock clock) {
        this.id = id;
        this.client = client;
        this.pending = pending;
        this.deliveries = deliveries;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The pending messages that are answered or overdue. An unreachable upstream ends the poll (next one retries). */
    List<Finished> poll() {
        List<Finished> done = new ArrayList<>();
        for (Pending p : pending.oldest(MAX_PER_POLL)) {
            Answer a = client.receipt(p.msgId());
            if (a.status() == 404) {
                done.add(new Finished(p, null, "the upstream does not know " + p.msgId()));
            } else if (UpstreamReceipt.isReceipt(a.json())) {
                done.add(new Finished(p, UpstreamReceipt.parse(a.json()), null));
            } else if (p.sentAt().plus(timeout).isBefore(clock.instant())) {
                done.add(new Finished(p, null, "no receipt for " + p.msgId() + " within " + timeout));
            }
        }
        return done;
    }

    /** What the upstream's receipt names: the shielded version for a SHIELD (kept in its headers), else the ref. */
    static DeliveryRef itemRef(Item item) {
        return ShieldItem.target(item.headers()).orElse(item.ref());
    }

    /** Writes a finished message's outcome to the ledger, then forgets it. */
    void report(Finished f) {
        Pending p = f.pending();
        if (f.receipt() == null || f.receipt().refusedAsBatch()) {
            deliveries.unknown(p.refs());
            LOG.warn("{}: {} reported UNKNOWN: {}", id, p.items(),
                    f.receipt() == null ? f.unknownBecause() : "batch refused: " + f.receipt().batchErrors());
        } else {
            List<DeliveryRef> accepted = new ArrayList<>();
            List<DeliveryRef> unanswered = new ArrayList<>();
            for (Item item : p.items()) {
                Optional<UpstreamReceipt.Result> r = f.receipt().resultFor(itemRef(item));
                if (r.isEmpty()) {
                    unanswered.add(item.ref());
                } else if (r.get().accepted()) {
                    accepted.add(item.ref());
                } else {
                    deliveries.rejected(item.ref(), f.receipt().ackFor(), r.get().errors());
                    LOG.warn("{}: {} refused by the upstream ({}): {}", id, item, p.msgId(), r.get().errors());
                }
            }
            if (!accepted.isEmpty()) {
                deliveries.accepted(accepted, f.receipt().ackFor());
            }
            if (!unanswered.isEmpty()) {
                deliveries.unknown(unanswered);
                LOG.warn("{}: receipt {} has no result for {}; reported UNKNOWN", id, p.msgId(), unanswered);
            }
        }
        pending.delete(p.msgId());
    }
}
