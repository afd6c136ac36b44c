package org.creditgate.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The pure row → record translation: op decision and a fingerprint that depends on content only. */
class RowTranslatorTest {

    private static final Map<String, String> CELLS = Map.of("decision_no", "榕环罚〔2026〕1号", "subject_name", "某公司",
            "fine_amount", "2", "op", "新增");

    @Test
    void theFingerprintDoesNotDependOnTheOrderOfTheMappingKeys() {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(ExampleConfig.properties("jdbc:h2:mem:x").entrySet());
        Map<String, Object> forward = new LinkedHashMap<>();
        entries.forEach(e -> forward.put(e.getKey(), e.getValue()));
        Collections.reverse(entries);
        Map<String, Object> backward = new LinkedHashMap<>();
        entries.forEach(e -> backward.put(e.getKey(), e.getValue()));

        assertThat(translator(forward).toRecord(row(Optional.empty(), Optional.empty())).fingerprint())
                .isEqualTo(translator(backward).toRecord(row(Optional.empty(), Optional.empty())).fingerprint())
                .startsWith("ADD:");
    }

    @Test
    void aNewRowIsAnAddAndAChangedAcceptedRowAnUpdateOfItsRecord() {
        RowTranslator t = translator(ExampleConfig.properties("jdbc:h2:mem:x"));
        OutgoingRow first = t.toRecord(row(Optional.empty(), Optional.empty()));
        assertThat(first.record().has("op")).as("ADD is the default, not sent").isFalse();

        OutgoingRow unchanged = t.toRecord(row(Optional.of("rid-1"), Optional.of(first.fingerprint())));
        assertThat(unchanged.record().has("op")).isFalse();
        assertThat(unchanged.record().has("recordId")).isFalse();

        OutgoingRow changed = t.toRecord(row(Optional.of("rid-1"), Optional.of("ADD:0000")));
        assertThat(changed.record().get("op").asText()).isEqualTo("UPDATE");
        assertThat(changed.record().get("recordId").asText()).isEqualTo("rid-1");
        assertThat(changed.fingerprint()).startsWith("UPDATE:").endsWith(first.fingerprint().substring(4));
    }

    private static RowTranslator translator(Map<String, Object> props) {
        return new RowTranslator(new TableConnector(props).settings().orElseThrow());
    }

    private static SourceRow row(Optional<String> recordId, Optional<String> fingerprint) {
        return new SourceRow(Timestamp.from(Instant.parse("2026-11-20T01:00:00Z")), 1L, new LinkedHashMap<>(CELLS),
                recordId, fingerprint);
    }
}
