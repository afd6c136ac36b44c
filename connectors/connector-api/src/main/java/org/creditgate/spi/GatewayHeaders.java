package org.creditgate.spi;

/**
 * Names of the message properties and Camel headers the gateway puts on every record it moves. Routes and
 * connectors use these constants, never the strings.
 */
public final class GatewayHeaders {

    /** Gateway record id (UUID text). */
    public static final String RECORD_ID = "cgRecordId";
    /** Record version (int, 1 for ADD). */
    public static final String VERSION = "cgVersion";
    /** Dataset name (LICENSE, PENALTY, …). */
    public static final String DATASET = "cgDataset";
    /** ADD / UPDATE / DELETE. */
    public static final String OP = "cgOp";
    /** Id of the department that sent the record. */
    public static final String DEPARTMENT = "cgDepartment";
    /** Upstream platform id a copy is addressed to (on the upstream queues). */
    public static final String UPSTREAM = "cgUpstream";
    /**
     * On a SHIELD copy for one upstream: {@code recordId:version} of the shielded record as that upstream holds it
     * (the highest version it was sent). The shield's own recordId/version stay in {@link #RECORD_ID}/{@link #VERSION}
     * for the ledger; the upstream is told about the record it holds.
     */
    public static final String SHIELD_TARGET = "cgShieldTarget";
    /** JMS message group: every record of one subject goes to one consumer in order. */
    public static final String GROUP = "JMSXGroupID";
    /** On a dead letter: VALIDATION (refused by the upstream), TRANSIENT or POISON (cannot be sent at all). */
    public static final String ERROR_CLASS = "cgErrorClass";
    /** On a dead letter: why, in words (the upstream's error text, or the failure). */
    public static final String ERROR_REASON = "cgErrorReason";
    /**
     * Artemis duplicate-detection property: recordId:version (plus :upstream on upstream queues). A re-send after
     * an ambiguous failure is dropped by the broker instead of delivered twice.
     */
    public static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

    private GatewayHeaders() {
    }
}
