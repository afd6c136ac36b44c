package org.creditgate.core.reconcile;

/**
 * Counts of one upstream and dataset (or all datasets), per record: the last version we delivered and its state.
 *
 * @param sent           records whose last version left the gateway (SENT, ACCEPTED, REJECTED or UNKNOWN)
 * @param accepted       … acknowledged by the upstream
 * @param rejected       … refused by the upstream
 * @param inFlight       … still QUEUED or SENT without a receipt
 * @param unknownReceipt … without a receipt in time (UNKNOWN)
 * @param held           records the upstream reports holding
 */
public record Counts(int sent, int accepted, int rejected, int inFlight, int unknownReceipt, int held, int missing,
        int versionMismatch, int unknownToUs, int resent, int settled, int deadLettered) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(sent + o.sent, accepted + o.accepted, rejected + o.rejected, inFlight + o.inFlight,
                unknownReceipt + o.unknownReceipt, held + o.held, missing + o.missing,
                versionMismatch + o.versionMismatch, unknownToUs + o.unknownToUs, resent + o.resent,
                settled + o.settled, deadLettered + o.deadLettered);
    }
}
