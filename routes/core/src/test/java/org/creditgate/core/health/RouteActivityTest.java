package org.creditgate.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route activity as Camel reports it: handled failures count as failures, a blocked run stays in flight. */
class RouteActivityTest extends CamelTestSupport {

    private final RouteActivity activity = new RouteActivity(Clock.systemUTC());
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy().addEventNotifier(activity);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true).log("handled: ${exception.message}");
                from("timer:ok?period=50").routeId("src.ok").log("fine");
                from("timer:bad?period=50").routeId("src.bad").process(e -> {
                    throw new IllegalStateException("court not reachable\nsecond line");
                });
                from("timer:hang?repeatCount=1").routeId("src.hang").process(e -> release.await(30, TimeUnit.SECONDS));
            }
        };
    }

    @AfterEach
    void unblock() {
        release.countDown();
    }

    @Test
    void countsSuccessesHandledFailuresAndRunsInFlight() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(activity.stats("src.ok")).get().satisfies(s -> assertThat(s.succeeded()).isGreaterThan(2));
            assertThat(activity.stats("src.bad")).get().satisfies(s -> {
                assertThat(s.failed()).isGreaterThan(2);
                assertThat(s.succeeded()).isZero();
                assertThat(s.lastError()).contains("court not reachable");
            });
            assertThat(activity.oldestInFlight(List.of("src.hang"))).isPresent();
        });
        assertThat(activity.stats("src.hang")).get().satisfies(s -> {
            assertThat(s.started()).isEqualTo(1);
            assertThat(s.succeeded()).isZero();
        });
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(activity.oldestInFlight(List.of("src.hang"))).isEmpty();
            assertThat(activity.stats("src.hang").get().succeeded()).isEqualTo(1);
        });
    }
}
