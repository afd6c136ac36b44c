package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

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
}
