package org.creditgate.connector.ecology;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.creditgate.connector.ecology.sim.EcologySimulator;
import org.junit.jupiter.api.Test;

/** The simulator's DDL is dialect-neutral: the same table on H2 (PostgreSQL is covered by the other tests). */
class EcologySimulatorTest {

    @Test
    void createsTheTableAndItsRowsOnH2Too() throws Exception {
        String url = "jdbc:h2:mem:sim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        EcologySimulator.main(new String[] {url, "sa", "", "3"});

        EcologySimulator sim = EcologySimulator.connect(url, "sa", "");
        assertThat(sim.status(1)).hasValueSatisfying(s -> assertThat(s.status()).isNull());
        assertThat(sim.status(4)).isPresent();
        assertThat(sim.status(5)).isEmpty();
        assertThat(sim.processedIds()).isEmpty();
        try (Connection c = sim.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"统一社会信用代码\", \"罚款金额\" FROM \"sthj_xzcf\" "
                        + "WHERE \"记录编号\" = 4")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("91350100M000100Y4Z");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("10");
        }
    }
}
