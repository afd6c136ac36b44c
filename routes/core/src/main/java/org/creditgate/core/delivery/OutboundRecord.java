package org.creditgate.core.delivery;

/**
 * One accepted record version on its way to the delivery address.
 *
 * @param subjectKey groups messages so that every record of one subject is delivered in order (JMSXGroupID)
 * @param payload    canonical JSON of the record
 */
public record OutboundRecord(String recordId, int version, String dataset, String op, String department,
        String subjectKey, String payload) {

    /** Artemis duplicate-detection id: a re-send of the same version after an ambiguous failure is dropped. */
    public String duplicateId() {
        return recordId + ":" + version;
    }
}
