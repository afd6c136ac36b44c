package org.creditgate.core.runtime;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@link CoreConfig} checked once at activation. A bad value fails activation with the PID and the key in the
 * message, so the operator sees exactly what to fix (and the REST API reports the core DOWN with that reason).
 */
public record CoreSettings(String brokerUrl, String brokerUser, Secret brokerPassword, String ingestAddress,
        int maxBatchSize, long maxRequestBytes, Duration confirmTimeout, Duration recoveryPeriod,
        Duration recoveryGrace, Path calendarDir, ZoneId zone, Duration scheduleTick, Duration scheduleLease,
        int deliveryConsumers) {

    /** A password that never prints. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "[hidden]";
        }
    }

    public static CoreSettings from(CoreConfig c, Path etcDir) {
        return new CoreSettings(
                require("broker.url", c.broker_url()),
                require("broker.user", c.broker_user()),
                new Secret(c.broker_password()),
                require("ingest.address", c.ingest_address()),
                (int) atLeast("ingest.maxBatchSize", c.ingest_maxBatchSize(), 1),
                atLeast("ingest.maxRequestBytes", c.ingest_maxRequestBytes(), 1024),
                Duration.ofMillis(atLeast("ingest.confirmTimeoutMs", c.ingest_confirmTimeoutMs(), 100)),
                Duration.ofMillis(atLeast("ingest.recovery.periodMs", c.ingest_recovery_periodMs(), 1000)),
                Duration.ofMillis(atLeast("ingest.recovery.graceMs", c.ingest_recovery_graceMs(), 0)),
                etcDir.resolve(require("calendar.dir", c.calendar_dir())),
                zone(c.business_zone()),
                Duration.ofMillis(atLeast("schedule.tickMs", c.schedule_tickMs(), 1000)),
                Duration.ofMillis(atLeast("schedule.leaseMs", c.schedule_leaseMs(), 3000)),
                (int) atMost("delivery.consumers", atLeast("delivery.consumers", c.delivery_consumers(), 1), 64));
    }

    private static String require(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(CoreConfig.PID + ": " + key + " must not be empty");
        }
        return value.trim();
    }

    private static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(CoreConfig.PID + ": " + key + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static long atMost(String key, long value, long max) {
        if (value > max) {
            throw new IllegalArgumentException(CoreConfig.PID + ": " + key + " must be at most " + max + ", got " + value);
        }
        return value;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(require("business.zone", id));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(CoreConfig.PID + ": business.zone \"" + id + "\" is not a time zone id", e);
        }
    }
}
