package org.creditgate.core.health;

import java.time.Duration;

/**
 * When progress health turns a component DEGRADED or DOWN (org.creditgate.core.cfg, keys {@code health.*}, documents
 * each one next to its default).
 *
 * @param stallAfter a run of a connector's routes in flight this long, with no progress meanwhile, is a stall (DOWN)
 * @param failingAfter every run failing for this long since the last success is DOWN; less is DEGRADED
 * @param queueAgeDegraded oldest message waiting this long on an upstream's running lane: DEGRADED
 * @param queueAgeDown oldest message waiting this long on an upstream's running lane: DOWN
 * @param receiptOverdue deliveries sent and no receipt since for this long: DEGRADED
 * @param dlqWindow dead letters added within this window: DEGRADED
 */
public record HealthThresholds(Duration stallAfter, Duration failingAfter, Duration queueAgeDegraded,
        Duration queueAgeDown, Duration receiptOverdue, Duration dlqWindow) {

    public HealthThresholds {
        if (queueAgeDown.compareTo(queueAgeDegraded) < 0) {
            throw new IllegalArgumentException("org.creditgate.core: health.queueAgeDownMs (" + queueAgeDown.toMillis()
                    + ") must not be below health.queueAgeDegradedMs (" + queueAgeDegraded.toMillis() + ")");
        }
    }
}
