package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.reconcile.ReconcileSchedule;
import org.creditgate.model.publication.PublicationPeriods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Route {@code core.expiry}: runs the job once a day after {@code expiry.at}, on the schedule leader only.
 * The timer ticks every 50 ms here instead of every minute; each tick's answer (ran or not) goes to a mock.
 */
class ExpiryRoutesTest extends CamelTestSupport {

    private final ShieldFixture f = new ShieldFixture();
    private final ShieldFixture.DayClock clock = new ShieldFixture.DayClock(LocalDate.of(2025, 1, 21));
    private final AtomicBoolean leader = new AtomicBoolean(false);
    private String old;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        ExpiryJob job = new ExpiryJob(f.ledger, () -> f.routing, PublicationPeriods.withDefaults(), f.issuer(),
                new RepairShields(f.issuer(), f.ledger, ShieldFixture.SHANGHAI), clock, ShieldFixture.SHANGHAI, 100);
        return new ExpiryRoutes(job, ReconcileSchedule.parse("expiry.at", "02:00"), clock, ShieldFixture.SHANGHAI,
                leader::get, 50);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }

    @Test
    void runsOnceADayOnTheLeaderOnly() throws Exception {
        old = f.penalty("榕市监罚〔2024〕7号", LocalDate.of(2024, 1, 20));
        f.heldBy(old, "province", LocalDate.of(2024, 1, 22));
        AdviceWith.adviceWith(context, ExpiryRoutes.ROUTE_ID, a -> a.weaveAddLast().to("mock:ticks"));
        MockEndpoint ticks = getMockEndpoint("mock:ticks");
        ticks.expectedMinimumMessageCount(3);
        ticks.allMessages().body().isEqualTo(false);

        context.start();
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        assertThat(f.ledger.shieldsOf(old)).as("not the leader: nothing runs").isEmpty();

        ticks.reset();
        ticks.expectedMinimumMessageCount(4);
        leader.set(true);
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        assertThat(runs(ticks)).as("once that day, however often it ticks").isEqualTo(1);
        assertThat(f.ledger.shieldsOf(old)).extracting(s -> s.shieldId())
                .containsExactly("GW-EXPIRED-" + old + "-20250120");

        ticks.reset();
        ticks.expectedMinimumMessageCount(3);
        clock.set(LocalDate.of(2025, 1, 22));
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        assertThat(runs(ticks)).as("and once the next day").isEqualTo(1);
    }

    private static long runs(MockEndpoint ticks) {
        return ticks.getReceivedExchanges().stream().filter(e -> e.getMessage().getBody(Boolean.class)).count();
    }
}
