package org.creditgate.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Push windows on a clock the test moves: the scheduled lane of a windowed upstream runs exactly inside its window,
 * on the leader, unless paused; a served window is remembered in the ledger and a missed one is caught up.
 * 01:00 Beijing = 17:00 UTC the day before.
 */
class PushWindowsTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String LANE = "envelope-province.lane-scheduled";
    private static final String OTHER_LANE = "envelope-creditchina.lane-scheduled";

    private final AtomicReference<Instant> now = new AtomicReference<>();
    private final AtomicBoolean leader = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean(false);
    private DataSource dataSource;
    private Ledger ledger;
    private CamelContext camel;
    private PushWindows windows;

    @BeforeEach
    void start() throws Exception {
        dataSource = LedgerDataSources.create(new LedgerSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        ledger = Ledgers.open(dataSource);
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:province").routeId(LANE).autoStartup(false).to("mock:province");
                from("seda:creditchina").routeId(OTHER_LANE).to("mock:creditchina");
            }
        });
        camel.start();
        at("2026-11-20T12:00:00Z"); // 20:00 in Beijing: outside the nightly window
        windows = newWindows();
    }

    private PushWindows newWindows() {
        Map<String, Object> table = new HashMap<>();
        table.put("upstreams", "province, creditchina");
        table.put("province.datasets", "PENALTY");
        table.put("province.schedule", "0 1 * * *");
        table.put("province.window", "4h");
        table.put("creditchina.datasets", "PENALTY");
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        PushWindows w = new PushWindows(new RoutingTable(table), ledger, WorkingDayCalendar.fromClasspath(), BEIJING,
                clock, leader::get);
        w.attach(camel, route -> paused.get());
        w.register(LANE, "province");
        w.register(OTHER_LANE, "creditchina");
        return w;
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        LedgerDataSources.close(dataSource);
    }

    @Test
    void theLaneRunsExactlyInsideTheWindowAndTheServedWindowIsRemembered() throws Exception {
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Stopped);
        assertThat(windows.holds(LANE)).isTrue();
        assertThat(status(OTHER_LANE)).as("no window: never held").isEqualTo(ServiceStatus.Started);
        assertThat(ledger.watermark("schedule:province")).as("first sight: yesterday's window is not 'missed'")
                .contains("2026-11-19T17:00:00Z");

        at("2026-11-20T17:00:00Z"); // 01:00
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Started);
        assertThat(windows.status()).filteredOn(s -> s.upstream().equals("province")).singleElement()
                .satisfies(s -> {
                    assertThat(s.open()).isTrue();
                    assertThat(s.closesAt()).isEqualTo(Instant.parse("2026-11-20T21:00:00Z"));
                    assertThat(s.nextOpening()).isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
                });

        at("2026-11-20T20:59:59Z");
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Started);

        at("2026-11-20T21:00:00Z"); // 05:00
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Stopped);
        assertThat(ledger.watermark("schedule:province")).contains("2026-11-20T17:00:00Z");
        assertThat(ledger.watermarkLog("schedule:province", 1).get(0).reason()).contains("served");

        windows.tick();
        assertThat(status(LANE)).as("a served window does not reopen").isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void aWindowMissedWhileTheGatewayWasDownIsCaughtUpWithAFullWindow() throws Exception {
        windows.tick(); // served up to yesterday's window
        // down from 20:00 to 10:00 the day after next: the window of 01:00 on 21 Nov passed unserved
        at("2026-11-21T02:00:00Z");
        PushWindows restarted = newWindows();
        restarted.tick();

        assertThat(status(LANE)).isEqualTo(ServiceStatus.Started);
        assertThat(restarted.status()).filteredOn(s -> s.upstream().equals("province")).singleElement()
                .satisfies(s -> {
                    assertThat(s.catchUp()).isTrue();
                    assertThat(s.opening()).isEqualTo(Instant.parse("2026-11-20T17:00:00Z"));
                    assertThat(s.closesAt()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
                });

        at("2026-11-21T06:00:00Z");
        restarted.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Stopped);
        assertThat(ledger.watermarkLog("schedule:province", 1).get(0).reason()).contains("caught up");
    }

    @Test
    void onlyTheLeaderSendsInWindowsAndALostLeadershipLeavesTheWindowToTheNext() throws Exception {
        windows.tick();
        leader.set(false);
        at("2026-11-20T17:30:00Z");
        windows.tick();
        assertThat(status(LANE)).as("not the leader").isEqualTo(ServiceStatus.Stopped);

        leader.set(true);
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Started);

        leader.set(false);
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Stopped);
        assertThat(ledger.watermark("schedule:province")).as("not served to the end: the next leader serves it")
                .contains("2026-11-19T17:00:00Z");
    }

    @Test
    void aPausedConnectorStaysStoppedInItsWindow() throws Exception {
        at("2026-11-20T17:30:00Z");
        paused.set(true);
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Stopped);

        paused.set(false);
        windows.tick();
        assertThat(status(LANE)).isEqualTo(ServiceStatus.Started);
    }

    private ServiceStatus status(String route) {
        return camel.getRouteController().getRouteStatus(route);
    }

    private void at(String instant) {
        now.set(Instant.parse(instant));
    }
}
