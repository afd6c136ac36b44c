package org.creditgate.connector.court;

import org.creditgate.connector.court.ws.QueryChangesResponse;

/** The court's change feed as the puller sees it; {@link CourtClient} is the SOAP implementation. */
interface CourtSource extends AutoCloseable {

    /**
     * The changes after {@code afterSeq}, at most {@code maxRows}, in seq order.
     *
     * @throws CourtPullException when the court cannot be reached or answers with a fault
     */
    QueryChangesResponse page(long afterSeq, int maxRows);

    @Override
    void close();
}
