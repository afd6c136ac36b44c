package org.creditgate.spi.delivery;

import java.util.List;
import java.util.Optional;

/**
 * What an upstream platform says it holds, for the gateway's daily reconciliation (domain.md §7.2): the list of
 * record versions it holds, and the status of one record version whose receipt never came (UNKNOWN). Asked over the
 * upstream's own protocol by the sink connector that delivers to it; a sink offers it by implementing
 * {@link Source}. Calls block; the reconciler calls them outside any delivery transaction.
 */
public interface UpstreamHoldings {

    /**
     * One record the upstream holds: the highest version it received, and whether that version withdrew it (op
     * DELETE). {@code dataset} as the upstream reports it (the gateway's dataset names).
     */
    record Holding(String recordId, String dataset, int version, boolean withdrawn) {
    }

    /** The upstream's answer about one record version. */
    enum State {
        /** The upstream holds exactly this version. */
        HELD,
        /** The upstream refused this version ({@link RecordStatus#error} says why). */
        REJECTED,
        /**
         * The upstream has received this version and not answered yet (a file it has not processed, a receipt still
         * outstanding): sending it again would make a duplicate.
         */
        PENDING,
        /** The upstream does not hold this version (never arrived, lost, or it holds another version). */
        NOT_HELD
    }

    /**
     * @param heldVersion the version the upstream holds of this record, or null when it holds none
     * @param error       the upstream's error text when REJECTED, else null
     */
    record RecordStatus(State state, Integer heldVersion, String error) {
    }

    /**
     * Everything the upstream holds, or only one dataset's ({@code dataset} non-null).
     *
     * @throws RuntimeException when the upstream cannot be asked now (unreachable, error answer); reconciliation
     *                          then reports the upstream as not reconciled, with the reason, and changes nothing
     */
    List<Holding> holdings(String dataset);

    /** The status of one record version (the status query of domain.md §7.2). Throws like {@link #holdings}. */
    RecordStatus status(DeliveryRef ref);

    /**
     * The capability as a sink connector ({@code GatewayConnector}) offers it: empty while the connector's
     * configuration is invalid.
     */
    interface Source {
        Optional<UpstreamHoldings> upstreamHoldings();
    }
}
