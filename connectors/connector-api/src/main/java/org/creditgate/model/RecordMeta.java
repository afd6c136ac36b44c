package org.creditgate.model;

/**
 * Gateway identity of a record version.
 *
 * @param recordId gateway record id (UUID text); null before the gateway assigned one
 * @param version  1 for the first version, +1 per UPDATE/DELETE; 0 before the gateway assigned one
 * @param op       what this version does
 */
public record RecordMeta(String recordId, int version, Op op) {

    public static RecordMeta unassigned(Op op) {
        return new RecordMeta(null, 0, op);
    }
}
