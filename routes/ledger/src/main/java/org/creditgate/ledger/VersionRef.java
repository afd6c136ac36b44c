package org.creditgate.ledger;

/** Identifies one version of one record. */
public record VersionRef(String recordId, int version) {
    @Override
    public String toString() {
        return recordId + ":" + version;
    }
}
