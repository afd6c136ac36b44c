package org.creditgate.ledger.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class EmbeddedPostgresServerTest {

    @Test
    void runsPostgres17AsANonRootUserAndLeavesNothingBehind() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        Path data = server.dataDirectory();
        String url;
        try {
            url = server.createDatabase("probe");
            assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/probe");
            assertSchemaIsolated(server);
            try (Connection c = connect(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000, "
                            + "current_setting('data_directory'), pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(17);
                assertThat(Path.of(rs.getString(2))).isEqualTo(data.toRealPath());
                // the backend serving this connection: PostgreSQL refuses root, and so must the helper
                assertThat(Files.getAttribute(Path.of("/proc", rs.getString(3)), "unix:uid")).isNotEqualTo(0);
            }
            assertThat(data.toString()).doesNotStartWith(Path.of("").toAbsolutePath().toString());
        } finally {
            server.close();
        }

        assertThat(data.getParent()).doesNotExist();
        assertThatThrownBy(() -> connect(url)).isInstanceOf(SQLException.class);
        server.close(); // twice is harmless
    }

    /** Tables created through a schema URL land in that schema only. */
    private static void assertSchemaIsolated(EmbeddedPostgresServer server) throws SQLException {
        String url = server.createSchema("isolated");
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        try (Connection c = connect(server.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_schema FROM information_schema.tables "
                        + "WHERE table_name = 't'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("isolated");
            assertThat(rs.next()).isFalse();
        }
    }

    private static Connection connect(String url) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(EmbeddedPostgresServer.USER);
        ds.setConnectTimeout(5);
        return ds.getConnection();
    }
}
