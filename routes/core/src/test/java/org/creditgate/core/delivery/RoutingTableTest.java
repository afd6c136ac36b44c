package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.creditgate.model.routing.PushSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

/** The shipped routing table loads; a broken one is refused with the key and the last good table is not used. */
class RoutingTableTest {

    @Test
    void anInvalidTableIsRefusedWithTheKeyAndNotApplied() throws Exception {
        Map<String, Object> broken = FanOutRoutesTest.shippedTable();
        broken.put("gsxt.datasets", "PENALTY, PUNISHMENT");
        RoutingTable table = new RoutingTable(broken);

        assertThatThrownBy(table::current).hasMessageContaining("org.creditgate.routing: gsxt.datasets: 'PUNISHMENT'");
        assertThat(table.health().isUp()).isFalse();

        table.configure(FanOutRoutesTest.shippedTable());
        assertThat(table.current().upstreams()).containsOnlyKeys("province", "national", "creditchina", "gsxt");
        assertThat(table.health().isUp()).isTrue();

        broken.put("gsxt.regime", "SECRET");
        broken.put("gsxt.datasets", "PENALTY");
        table.configure(broken);
        assertThatThrownBy(table::current).hasMessageContaining("gsxt.regime: 'SECRET'");
    }

    @Test
    void theShippedPushWindowsAreNightlyForProvinceAndHourlyForNational() throws Exception {
        RoutingTable table = new RoutingTable(FanOutRoutesTest.shippedTable());

        PushSchedule province = table.current().upstreams().get("province").schedule();
        assertThat(province.cron()).hasToString("0 1 * * *");
        assertThat(province.window()).isEqualTo(Duration.ofHours(4));
        assertThat(province.realtime()).containsExactlyInAnyOrder("UPDATE", "SHIELD", "OBJECTION");
        assertThat(table.current().upstreams().get("national").schedule().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(table.current().upstreams().get("creditchina").schedule().always()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "province.schedule | 0 25 * * *   | province.schedule: hour 25 is outside 0–23",
        "province.schedule | 0 1 * *      | province.schedule: '0 1 * *' must have 5 fields",
        "province.window   | soon         | province.window: 'soon' is not a duration",
        "province.window   | 2d           | province.window: PT48H is longer than a day",
        "province.days     | weekdays     | province.days: 'weekdays' must be every or working",
        "province.realtime | UPDATE, FAST | province.realtime: real-time 'FAST' is neither an operation",
        "gsxt.window       | 1h           | gsxt.window: applies only to a push window, but gsxt.schedule is always"})
    void aBadPushWindowIsRefusedWithItsKey(String key, String value, String message) throws Exception {
        Map<String, Object> broken = FanOutRoutesTest.shippedTable();
        broken.put(key, value);

        assertThatThrownBy(new RoutingTable(broken)::current).hasMessageContaining("org.creditgate.routing: " + message);
    }

    @Test
    void aWindowNeedsItsLength() throws Exception {
        Map<String, Object> broken = FanOutRoutesTest.shippedTable();
        broken.remove("national.window");

        assertThatThrownBy(new RoutingTable(broken)::current)
                .hasMessageContaining("national.window: is required with a schedule");
    }
}
