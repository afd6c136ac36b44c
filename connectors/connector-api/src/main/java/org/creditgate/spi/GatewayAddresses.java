package org.creditgate.spi;

/** Names of the broker addresses connectors and the core meet at; built here, never spelled in routes. */
public final class GatewayAddresses {

    /** The core's transacted JMS component, for the routes running in the gateway's CamelContext. */
    public static final String JMS_COMPONENT = "creditgate-jms";

    /** Prefix of the durable per-upstream delivery queues: {@code creditgate.upstream.<upstream id>}. */
    public static final String UPSTREAM_PREFIX = "creditgate.upstream.";

    /**
     * The operational alerts of the gateway (告警: stall, DLQ growth, shield ack overdue, deadline risk, reconciliation,
     * objection overdue, health): a multicast address, one JSON object per alert, message property {@code alertClass};
     * its duplicate-detection id is the alert's {@code alertId}, so an alert raised again (by a second node, or by the
     * next check) is one event. Subscribers (the webhook, the console) read it through their own durable subscription.
     */
    public static final String ALERTS = "creditgate.alerts";

    /** Where the webhook subscription puts an alert it could not deliver after its tries, with the reason. */
    public static final String ALERTS_WEBHOOK_DLQ = "creditgate.alerts.webhook.dlq";

    private GatewayAddresses() {
    }

    /** The endpoint a sink consumes its upstream's queue from, in a JMS transaction. */
    public static String upstreamConsumerUri(String upstreamId) {
        return JMS_COMPONENT + ":queue:" + upstream(upstreamId) + "?transacted=true";
    }

    /** The dead-letter queue of one upstream platform (its sink puts refused and poison records there). */
    public static String deadLetters(String upstreamId) {
        return "creditgate.dlq." + upstreamId;
    }

    /** The endpoint a sink dead-letters to, inside its consuming transaction. */
    public static String deadLetterUri(String upstreamId) {
        return JMS_COMPONENT + ":queue:" + deadLetters(upstreamId);
    }

    /**
     * The real-time lane of one upstream platform: what its push window must not hold back (corrections, shields)
     * goes here and is delivered at once; the routing table says what that is.
     */
    public static String realtime(String upstreamId) {
        return upstream(upstreamId) + ".realtime";
    }

    /** The endpoint the real-time lane is consumed from, in a JMS transaction. */
    public static String realtimeConsumerUri(String upstreamId) {
        return JMS_COMPONENT + ":queue:" + realtime(upstreamId) + "?transacted=true";
    }

    /**
     * The events the gateway tells one department about its records ({@code creditgate.events.<department id>}), e.g.
     * that an upstream platform repaired one of them: a durable queue the department's connector (its outbound side)
     * or a pull API reads. Each event is a JSON object with an {@code event} type; its duplicate-detection id is the
     * event id, so a repeated notice is dropped by the broker.
     */
    public static String departmentEvents(String departmentId) {
        return "creditgate.events." + departmentId;
    }

    /**
     * The objection events of one department (异议核实通知): a durable queue where the gateway puts an event when an
     * objection to one of the department's records is opened (verify within 20 working days) or resolved; a
     * connector's outbound side consumes it. JSON body, message property {@code objectionId}; the same event is never
     * put twice (duplicate id {@code objection:<objectionId>:<version>}). Departments without a connector pull the
     * same information from {@code GET /api/v1/objections?provider=me}.
     */
    public static String objections(String departmentId) {
        return "creditgate.objections." + departmentId;
    }

    /** The delivery queue of one upstream platform. */
    public static String upstream(String upstreamId) {
        return UPSTREAM_PREFIX + upstreamId;
    }
}
