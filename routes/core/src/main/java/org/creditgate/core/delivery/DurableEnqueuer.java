package org.creditgate.core.delivery;

import java.util.List;

/** Hands records to the broker and returns only once the broker has them on disk. */
public interface DurableEnqueuer {

    /**
     * Sends every record persistently and blocks until the broker has confirmed all of them.
     *
     * @throws EnqueueException if any record was not confirmed; some may have been stored (the caller must be
     *                          prepared to re-send, which duplicate detection makes harmless)
     */
    void enqueue(List<OutboundRecord> records) throws EnqueueException;

    /** Whether the broker can be reached now (connects if needed); never throws. */
    BrokerStatus status();

    record BrokerStatus(boolean up, String detail) {
    }
}
