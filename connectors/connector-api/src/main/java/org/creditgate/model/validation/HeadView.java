package org.creditgate.model.validation;

/** What the ledger knows about a record, as far as the lifecycle rules need it. */
public record HeadView(String recordId, int currentVersion, String currentContentHash, boolean shielded) {
}
