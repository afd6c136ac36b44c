package org.creditgate.connector.court;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ingest.IngestException;

/**
 * The court connector's route: a timer drives {@link CourtPuller}. Failures are expected operating conditions (court
 * down, SOAP fault, broker down): each is one warning line, the watermark stays, and the next period retries. No
 * redelivery: the next poll is the retry, and it re-reads from the watermark.
 */
final class CourtRoutes extends RouteBuilder {

    /** Route and processor roles; ids are {@code <connector id>.<role>}. */
    static final String POLL = "poll";
    static final String PULL = "pull";
    static final String FAILED = "pull-failed";
    static final String BROKEN = "pull-broken";
    static final String LOG_NAME = "org.creditgate.connector.court";

    private final CourtSettings settings;
    private final ConnectorDescriptor descriptor;
    private final CourtPuller puller;

    CourtRoutes(CourtSettings settings, ConnectorDescriptor descriptor, CourtPuller puller) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.puller = puller;
    }

    @Override
    public void configure() {
        String prefix = descriptor.routePrefix();
        String retry = "; watermark kept, next poll in " + settings.pollPeriod().toString().substring(2).toLowerCase();
        onException(CourtPullException.class, IngestException.class).handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": ${exception.message}" + retry)
                .id(prefix + FAILED);
        // a bug must not print a stack trace every period either; the class names it for the developer
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": poll failed unexpectedly: "
                        + "${exception.class.name}: ${exception.message}" + retry)
                .id(prefix + BROKEN);

        from(CourtUris.pollTimer(descriptor, settings)).routeId(prefix + POLL)
                .autoStartup(settings.autoStartup())
                .process(puller).id(prefix + PULL);
    }
}
