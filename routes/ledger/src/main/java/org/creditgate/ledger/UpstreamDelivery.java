package org.creditgate.ledger;

/**
 * A delivery to one upstream with what reconciliation needs of its record: the dataset and the record's current
 * version in the ledger.
 */
public record UpstreamDelivery(Delivery delivery, String dataset, int currentVersion) {
}
