package org.creditgate.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** Camel's route metrics land in the gateway's Prometheus registry with snake_case labels and help text. */
class GatewayMetricsTest extends CamelTestSupport {

    private final GatewayMetrics metrics = new GatewayMetrics(Clock.systemUTC());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        metrics.instrument(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?period=20").routeId("demo.poll").log("tick");
            }
        };
    }

    @Test
    void routeMetricsUseSnakeCaseLabelsAndCarryHelp() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.scrape())
                .containsPattern("camel_exchanges_succeeded_total\\{[^}]*route_id=\"demo.poll\"[^}]*} [1-9]"));
        String text = metrics.scrape();
        assertThat(text).doesNotContain("routeId=", "camelContext=", "app_info");
        assertThat(text).contains("# HELP camel_exchanges_total");
    }

    @Test
    void snakeCaseOfCamelTagKeys() {
        assertThat(GatewayMetrics.snakeCase("routeId")).isEqualTo("route_id");
        assertThat(GatewayMetrics.snakeCase("camelContext")).isEqualTo("camel_context");
        assertThat(GatewayMetrics.snakeCase("upstream")).isEqualTo("upstream");
    }
}
