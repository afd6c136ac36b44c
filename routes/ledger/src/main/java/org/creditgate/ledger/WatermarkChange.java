package org.creditgate.ledger;

import java.time.Instant;

/**
 * One change of a connector's watermark.
 *
 * @param value  the new value; null when the watermark was cleared (rewound to the start)
 * @param reason "advance" for a connector's own progress, or the operator's reason for a rewind
 */
public record WatermarkChange(String connectorId, String value, Instant at, String reason) {
}
