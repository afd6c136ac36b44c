package org.creditgate.connector.xmlfile;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditgate.spi.delivery.DeliveryRef;

/**
 * Batch ids {@code CG<13-digit tick>-<recordId>-v<version>}: one record version per batch. The tick is the send time
 * in epoch milliseconds, made strictly increasing within the JVM, so the upstream (which reads manifests in name
 * order) takes batches in the order they were written — the order of the queue's message groups. The record version
 * is in the id, so a receipt that refuses the whole batch (no per-record result) still names what it refused.
 */
final class BatchIds {

    private static final Pattern ID = Pattern.compile("CG\\d{13}-(.+)-v(\\d+)");
    private static final AtomicLong LAST = new AtomicLong();

    private BatchIds() {
    }

    static String next(DeliveryRef ref, long nowMillis) {
        long tick = LAST.updateAndGet(last -> Math.max(last + 1, nowMillis));
        return String.format("CG%013d-%s-v%d", tick, ref.recordId(), ref.version());
    }

    static Optional<DeliveryRef> refOf(String batchId) {
        Matcher m = batchId == null ? null : ID.matcher(batchId);
        return m != null && m.matches() ? Optional.of(new DeliveryRef(m.group(1), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }
}
