package org.creditgate.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Configuration rules a single key cannot express, and identifiers that could smuggle SQL. */
class TablePollSettingsTest {

    @Test
    void theExampleConfigurationParses() {
        TablePollSettings s = settings(Map.of()).settings().orElseThrow();
        assertThat(s.table().name()).isEqualTo("credit_exchange");
        assertThat(s.updatedColumn().name()).isEqualTo("updated_at");
        assertThat(s.pageSize()).isEqualTo(100);
        assertThat(s.columnOf("CF_XDR_SHXYM")).isEqualTo("subject_uscc");
        assertThat(s.columnOf("op")).isEqualTo("op");
        assertThat(s.columnOf("unmapped")).isEqualTo("unmapped");
    }

    @Test
    void anIdentifierThatIsNotPlainIsRefusedNamingTheKey() {
        assertThat(settings(Map.of("table.name", "x\"; DROP TABLE y; --")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("org.creditgate.connector.table").contains("table.name"));
        assertThat(settings(Map.of("status.errorsColumn", "a b")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("status.errorsColumn"));
    }

    @Test
    void hanCharacterColumnNamesAreValid() {
        assertThat(settings(Map.of("table.updateTimeColumn", "数据更新时间戳")).problem()).isEmpty();
    }

    @Test
    void aStatusColumnCannotBeTheUpdateTimeColumn() {
        assertThat(settings(Map.of("status.processedAtColumn", "updated_at")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("watermark column updated_at"));
    }

    @Test
    void aMappedColumnCannotBeAStatusColumn() {
        assertThat(settings(Map.of("map.BZ", "cg_errors")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("cg_errors"));
    }

    @Test
    void pageSizeAndDriverAreChecked() {
        assertThat(settings(Map.of("poll.pageSize", "501")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("poll.pageSize"));
        assertThat(settings(Map.of("jdbc.url", "jdbc:oracle:thin:@x")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("jdbc.url"));
        assertThat(settings(Map.of("table.idType", "UUID")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("table.idType"));
    }

    @Test
    void theSqlQuotesIdentifiersAndBindsValues() {
        ExchangeTableSql sql = new ExchangeTableSql(settings(Map.of("table.schema", "exchange")).settings().orElseThrow());
        assertThat(sql.nextPage()).isEqualTo("SELECT * FROM \"exchange\".\"credit_exchange\" WHERE \"updated_at\" > ? "
                + "OR (\"updated_at\" = ? AND \"id\" > ?) ORDER BY \"updated_at\", \"id\" FETCH FIRST 100 ROWS ONLY");
        assertThat(sql.writeBack()).doesNotContain("\"updated_at\" =  ?,").contains("WHERE \"id\" = ? AND "
                + "\"updated_at\" = ?").doesNotContain("SET \"updated_at\"");
    }

    @Test
    void theWatermarkRoundTripsAndRefusesGarbage() {
        TableWatermark w = TableWatermark.parse("2026-11-30T01:02:03.123456Z|42");
        assertThat(w.format()).isEqualTo("2026-11-30T01:02:03.123456Z|42");
        assertThat(TableWatermark.parse("2026-11-01T00:00:00Z|").id()).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TableWatermark.parse("yesterday")).withMessageContaining("yesterday");
    }

    @Test
    void theReadmeDocumentsEveryKey() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (String key : TableConfig.DEF.names()) {
            String shown = key.endsWith(".") ? key + "<" : key;
            assertThat(readme).as("README row for %s", key).contains("| `" + shown);
        }
    }

    private static TableConnector settings(Map<String, String> overrides) {
        Map<String, Object> props = ExampleConfig.properties("jdbc:h2:mem:x");
        props.putAll(overrides);
        return new TableConnector(props);
    }
}
