package org.creditgate.connector.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;

/**
 * One route: the gateway's HTTP API hands the authenticated push to the instance's push endpoint; the records are
 * renamed and ingested, and the ingest answer is the reply. Ingest is synchronous and durable, so the department's
 * HTTP 200 already means stored.
 */
final class RestPushRoutes extends RouteBuilder {

    private final ConnectorDescriptor descriptor;
    private final PushTranslator translator;
    private final ConnectorContext context;

    RestPushRoutes(ConnectorDescriptor descriptor, RestPushSettings settings, ConnectorContext context) {
        this.descriptor = descriptor;
        this.translator = new PushTranslator(settings);
        this.context = context;
    }

    @SuppressWarnings("unchecked")
    private static List<JsonNode> records(List<?> body) {
        return (List<JsonNode>) body;
    }

    @Override
    public void configure() {
        from(descriptor.pushEndpoint()).routeId(descriptor.routePrefix() + "push")
                .process(e -> e.getMessage().setBody(translator.records(e.getMessage().getBody(JsonNode.class))))
                .id(descriptor.routePrefix() + "map")
                .process(e -> e.getMessage().setBody(context.ingest(records(e.getMessage().getBody(List.class)))))
                .id(descriptor.routePrefix() + "ingest");
    }
}
