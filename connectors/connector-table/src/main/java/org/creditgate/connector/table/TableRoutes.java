package org.creditgate.connector.table;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.ConnectorDescriptor;

/**
 * The one route of a table connector instance: a scheduler (the only polling components in the gateway's
 * CamelContext are scheduler and timer; there is no camel-sql) hands each poll to {@link TablePoller}. The
 * scheduler runs one poll at a time, so pages never overlap.
 */
final class TableRoutes extends RouteBuilder {

    static final String POLL = "poll";
    static final String PAGE = "page";

    private final TablePollSettings settings;
    private final ConnectorDescriptor descriptor;
    private final TablePoller poller;

    TableRoutes(TablePollSettings settings, ConnectorDescriptor descriptor, TablePoller poller) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.poller = poller;
    }

    @Override
    public void configure() {
        String prefix = descriptor.routePrefix();
        from(schedulerUri()).routeId(prefix + POLL)
                // a bug or a bad watermark must not print a stack trace every period: one line, next poll retries
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, TableRoutes.class.getName(), "${routeId}: poll failed: ${exception}")
                .end()
                .process(poller).id(prefix + PAGE);
    }

    /** The endpoint URI, built in one place: greedy = a full page polls again at once. */
    String schedulerUri() {
        return "scheduler:" + descriptor.id() + "?delay=" + settings.period().toMillis() + "&initialDelay="
                + settings.initialDelay().toMillis() + "&greedy=true";
    }
}
