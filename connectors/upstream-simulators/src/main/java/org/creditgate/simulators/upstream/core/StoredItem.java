package org.creditgate.simulators.upstream.core;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One body item as an upstream received it, in order of arrival ({@code seq} from 1).
 *
 * @param duplicate  an item with the same msgType, recordId and version arrived before
 * @param subjectKey the subject's USCC or ID number when the payload carries one (for per-subject order), else null
 */
public record StoredItem(long seq, String msgId, String msgType, String dataset, String recordId, int version,
        String op, String cause, JsonNode payload, String subjectKey, Instant receivedAt, boolean duplicate) {

    public String key() {
        return recordId + ":" + version;
    }
}
