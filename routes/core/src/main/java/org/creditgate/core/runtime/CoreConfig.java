package org.creditgate.core.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Typed configuration of PID {@code org.creditgate.core} (etc/org.creditgate.core.cfg documents every key; a test
 * checks that the shipped file and these defaults agree).
 */
@ObjectClassDefinition(name = "CreditGate core", description = "Ingest pipeline and broker connection")
public @interface CoreConfig {

    String PID = "org.creditgate.core";

    @AttributeDefinition(description = "AMQP URL of the Artemis broker")
    String broker_url() default "amqp://127.0.0.1:5672";

    @AttributeDefinition(description = "Broker user")
    String broker_user() default "creditgate";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Broker password")
    String broker_password() default "creditgate";

    @AttributeDefinition(description = "Address every accepted record is sent to")
    String ingest_address() default "creditgate.records.accepted";

    @AttributeDefinition(min = "1", description = "Largest number of records in one push")
    int ingest_maxBatchSize() default 500;

    @AttributeDefinition(min = "1024", description = "Largest request body in bytes")
    long ingest_maxRequestBytes() default 10485760L;

    @AttributeDefinition(min = "100", description = "Longest wait for broker confirmations (ms)")
    long ingest_confirmTimeoutMs() default 30000L;

    @AttributeDefinition(min = "1000", description = "Recovery sweep period (ms)")
    long ingest_recovery_periodMs() default 30000L;

    @AttributeDefinition(min = "0", description = "Age (ms) after which an unconfirmed record is re-sent")
    long ingest_recovery_graceMs() default 60000L;

    @AttributeDefinition(description = "Directory of the working-day calendars, relative to etc/")
    String calendar_dir() default "calendar";

    @AttributeDefinition(description = "Time zone of business dates")
    String business_zone() default "Asia/Shanghai";

    @AttributeDefinition(min = "1", max = "64", description = "Concurrent consumers of the fan-out and of each "
            + "upstream lane (per-subject order holds: a message group stays on one consumer)")
    int delivery_consumers() default 4;

    @AttributeDefinition(min = "1000", description = "How often push windows are checked and lanes started or stopped (ms)")
    long schedule_tickMs() default 10000L;

    @AttributeDefinition(min = "3000", description = "How long the schedule leader keeps the role without renewing it (ms)")
    long schedule_leaseMs() default 15000L;

    @AttributeDefinition(description = "Time of day (business.zone) of the daily reconciliation with every upstream, "
            + "HH:mm; off: only on demand")
    String reconcile_at() default "06:00";

    @AttributeDefinition(min = "0", description = "Automatic resends of one record version by reconciliation before "
            + "it is dead-lettered and alerted")
    int reconcile_maxResends() default 3;

    @AttributeDefinition(description = "Shield SLA: dispatch to every platform holding the record within this "
            + "(<n>wd working days, or 30s/10m/2h/1d)")
    String shield_dispatchSla() default "1wd";

    @AttributeDefinition(description = "Shield SLA: every platform acknowledges within this (<n>wd working days, "
            + "or 30s/10m/2h/1d); later: alert and resend")
    String shield_ackSla() default "3wd";

    @AttributeDefinition(description = "An unacknowledged shield past its ack SLA is resent this often (30s/10m/2h/1d)")
    String shield_resendEvery() default "1d";

    @AttributeDefinition(min = "1000", description = "How often the shield SLA watch runs (ms)")
    long shield_checkMs() default 600000L;

    @AttributeDefinition(min = "1000", description = "How often progress health checks every connector and upstream (ms)")
    long health_checkMs() default 5000L;

    @AttributeDefinition(min = "1000", description = "A run of a connector's routes in flight this long without "
            + "progress is a stall: DOWN, and the supervisor restarts the connector (ms)")
    long health_stallAfterMs() default 30000L;

    @AttributeDefinition(min = "1000", description = "Every run of a connector failing for this long since its last "
            + "success: DOWN; shorter: DEGRADED (ms)")
    long health_failingAfterMs() default 60000L;

    @AttributeDefinition(min = "1000", description = "Oldest message waiting this long on an upstream's running lane: "
            + "DEGRADED (ms)")
    long health_queueAgeDegradedMs() default 600000L;

    @AttributeDefinition(min = "1000", description = "Oldest message waiting this long on an upstream's running lane: "
            + "DOWN (ms)")
    long health_queueAgeDownMs() default 3600000L;

    @AttributeDefinition(min = "1000", description = "Deliveries sent and no receipt since for this long: DEGRADED (ms)")
    long health_receiptOverdueMs() default 1800000L;

    @AttributeDefinition(min = "1000", description = "Dead letters added within this window: DEGRADED (ms)")
    long health_dlqWindowMs() default 600000L;

    @AttributeDefinition(min = "1000", description = "Wait after a stalled connector's first restart before the next "
            + "one; doubles per restart in a row (ms)")
    long health_restart_initialBackoffMs() default 10000L;

    @AttributeDefinition(min = "1000", description = "Longest wait between two restarts of a stalled connector (ms)")
    long health_restart_maxBackoffMs() default 300000L;

    @AttributeDefinition(min = "0", description = "Time a restart gives a stuck run to finish before it is cut off (ms)")
    long health_restart_graceMs() default 5000L;
}
