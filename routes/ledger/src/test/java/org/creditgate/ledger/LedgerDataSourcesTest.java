package org.creditgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

class LedgerDataSourcesTest {

    @Test
    void settingsNeverPrintThePassword() {
        LedgerSettings s = new LedgerSettings("jdbc:h2:mem:x", "creditgate", "s3cret", 8);
        assertThat(s.toString())
                .isEqualTo("LedgerSettings[jdbcUrl=jdbc:h2:mem:x, user=creditgate, password=[hidden], maxPoolSize=8]");
    }

    @Test
    void anUnknownDatabaseIsRefusedWithTheKeyToFix() {
        assertThatThrownBy(() -> LedgerDataSources.create(new LedgerSettings("jdbc:mysql://db/x", "u", "p", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.creditgate.ledger: ledger.jdbc.url must start with jdbc:h2: or jdbc:postgresql:, "
                        + "got jdbc:mysql://db/x");
    }

    @Test
    void thePoolUsesTheDriversOwnDataSourceNotDriverManager() throws Exception {
        DataSource ds = LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:pool;DB_CLOSE_DELAY=-1", "sa", "", 2));
        try (Connection c = ds.getConnection()) {
            assertThat(c.getMetaData().getURL()).isEqualTo("jdbc:h2:mem:pool");
            assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
        } finally {
            LedgerDataSources.close(ds);
        }
    }
}
