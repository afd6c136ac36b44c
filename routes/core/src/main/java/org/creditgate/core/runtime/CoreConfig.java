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

    @AttributeDefinition(min = "0", max = "100", description = "max-disk-usage of the embedded broker (broker.xml): "
            + "health shows the disk DOWN from there (producers blocked), DEGRADED 5 points before; 0 = not checked")
    int broker_maxDiskUsage() default 90;

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

    @AttributeDefinition(description = "Time of day (business.zone) of the daily expiry job that shields records whose "
            + "publication period ended, HH:mm; off: only on demand")
    String expiry_at() default "02:00";

    @AttributeDefinition(min = "1", description = "Records the expiry job reads from the ledger per page")
    int expiry_pageSize() default 500;

    @AttributeDefinition(min = "0", description = "令第45号 较低数额罚款 at GSXT: a fine on a natural person or 个体工商户 "
            + "below this many yuan is published 3 months")
    long expiry_gsxt_lowFinePersonYuan() default 5000L;

    @AttributeDefinition(min = "0", description = "令第45号 较低数额罚款 at GSXT: a fine on an organisation below this "
            + "many yuan is published 3 months")
    long expiry_gsxt_lowFineOrgYuan() default 50000L;

    @AttributeDefinition(description = "特定严重失信: comma-separated words; a 严重失信 penalty whose 违法行为类型 or 违法事实 "
            + "contains one cannot be repaired early (E_REPAIR_NOT_ALLOWED)")
    String repair_noEarlyRepair() default "食品,药品,生态环境,环境保护,工程质量,安全生产,消防安全,强制性产品认证";

    @AttributeDefinition(description = "Whether a repair before the end of the publication period needs a 信用修复型 "
            + "commitment (commitmentCode), else E_REPAIR_CONDITIONS")
    boolean repair_requireCommitment() default true;
    @AttributeDefinition(min = "1000", description = "How often what follows accepted records (legal-representative "
            + "links, upstream-repair notices) catches up with the ledger (ms)")
    long catchup_periodMs() default 600000L;

    @AttributeDefinition(min = "60000", description = "How far back the first catch-up after a start looks (ms)")
    long catchup_lookbackMs() default 604800000L;

    @AttributeDefinition(min = "1000", description = "How often the objection watch runs (ms): overdue verification "
            + "alerts, and objection records the workflow has not applied yet")
    long objection_checkMs() default 600000L;

    @AttributeDefinition(required = false, description = "Departments that may shield or repair any department's "
            + "records (the city credit office, 市信用办); comma-separated ids; others act only on their own records")
    String issue_authorities() default "xyb";
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

    @AttributeDefinition(min = "1", description = "Alerts GET /api/v1/alerts keeps in memory, newest first")
    int alerts_keep() default 500;

    @AttributeDefinition(required = false, description = "URL every alert is POSTed to as JSON (http or https); "
            + "empty: no webhook")
    String alerts_webhook_url() default "";

    @AttributeDefinition(required = false, description = "Alert classes POSTed to the webhook, comma-separated "
            + "(STALL, DLQ, SHIELD_OVERDUE, DEADLINE_RISK, RECONCILIATION, OBJECTION_OVERDUE, HEALTH); empty: all")
    String alerts_webhook_classes() default "";

    @AttributeDefinition(min = "100", description = "Connect and answer timeout of one webhook POST (ms)")
    long alerts_webhook_timeoutMs() default 10000L;

    @AttributeDefinition(min = "1", description = "POSTs of one alert, the broker redelivering with backoff in "
            + "between, before it is dead-lettered to creditgate.alerts.webhook.dlq")
    int alerts_webhook_maxTries() default 10;

    @AttributeDefinition(description = "Serve the operator console at /console (the REST API stays either way)")
    boolean console_enabled() default true;

    @AttributeDefinition(min = "1000", description = "How often the console polls health, metrics and alerts (ms)")
    long console_refreshMs() default 5000L;
}
