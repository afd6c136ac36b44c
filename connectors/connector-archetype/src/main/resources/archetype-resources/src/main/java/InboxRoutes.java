package ${package};

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ingest.IngestException;

/** One route: every poll period, read what the inbox has. */
final class InboxRoutes extends RouteBuilder {

    private final ConnectorDescriptor descriptor;
    private final InboxSettings settings;
    private final InboxReader reader;

    InboxRoutes(ConnectorDescriptor descriptor, InboxSettings settings, InboxReader reader) {
        this.descriptor = descriptor;
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public void configure() {
        from("timer:" + descriptor.id() + "?period=" + settings.pollPeriod().toMillis() + "&delay=0")
                .routeId(descriptor.routePrefix() + "poll")
                // the gateway cannot take records now: the files stay, the next poll retries; one line, no trace
                .onException(IngestException.class).handled(true)
                    .log(LoggingLevel.WARN, "Gateway not taking records (${exception.message}); retrying next poll")
                .end()
                .process(e -> reader.poll()).id(descriptor.routePrefix() + "read");
    }
}
