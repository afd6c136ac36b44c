package org.creditgate.core.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.CanonicalJson;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamDeliveries;

/** A sink connector's reports, written to the ledger; an upstream refusal also reaches the source department. */
public final class LedgerDeliveries implements UpstreamDeliveries {

    public static final String UPSTREAM_REJECTED = "E_UPSTREAM_REJECTED";

    private final String upstream;
    private final Ledger ledger;
    private final Clock clock;

    public LedgerDeliveries(String upstream, Ledger ledger, Clock clock) {
        this.upstream = upstream;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void sent(List<DeliveryRef> refs, String batchId) {
        ledger.updateDeliveries(upstream, refs(refs), DeliveryState.SENT, batchId, null, null, clock.instant());
    }

    @Override
    public void accepted(List<DeliveryRef> refs, String receiptId) {
        ledger.updateDeliveries(upstream, refs(refs), DeliveryState.ACCEPTED, null, receiptId, null, clock.instant());
    }

    @Override
    public void rejected(DeliveryRef ref, String receiptId, String error) {
        ledger.updateDeliveries(upstream, refs(List.of(ref)), DeliveryState.REJECTED, null, receiptId, error,
                clock.instant());
        Optional<RecordHead> head = ledger.head(ref.recordId());
        Optional<RecordVersion> version = ledger.version(ref.recordId(), ref.version());
        if (head.isPresent() && version.isPresent()) {
            ledger.reject(List.of(new Rejection(null, head.get().department(), clock.instant(), head.get().dataset(),
                    ref.recordId() + ":" + ref.version(), version.get().payload(), errors(error))));
        }
    }

    @Override
    public void unknown(List<DeliveryRef> refs) {
        ledger.updateDeliveries(upstream, refs(refs), DeliveryState.UNKNOWN, null, null, null, clock.instant());
    }

    private String errors(String error) {
        try {
            return CanonicalJson.mapper().writeValueAsString(List.of(Map.of("code", UPSTREAM_REJECTED,
                    "message", upstream + " refused record version: " + error)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static List<VersionRef> refs(List<DeliveryRef> refs) {
        return refs.stream().map(r -> new VersionRef(r.recordId(), r.version())).toList();
    }
}
