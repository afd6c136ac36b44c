package org.creditgate.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.model.samples.SampleRecords;
import org.creditgate.testkit.CapturedStderr;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the exchange-table surface ({@code src/test/resources/corpus/table/manifest.tsv}): each
 * entry puts one hostile value into an otherwise valid row of the example exchange table (H2), one poll reads it
 * through the real ingest pipeline ({@link TestGateway}), and the row's status columns must say exactly what the
 * manifest lists — the rejection with its code on the department's column name, or the value accepted verbatim.
 */
class TableCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);

    record Case(String name, String column, String value, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = TableCorpusTest.class.getResourceAsStream("/corpus/table/manifest.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                assertThat(c).as(line).hasSize(4);
                cases.add(Arguments.of(new Case(c[0], c[1], c[2], c[3])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileRowIsAnsweredInItsStatusColumns(Case c) throws Exception {
        ExampleTable table = new ExampleTable();
        for (String col : List.of("decision_no", "subject_name", "subject_category", "violation", "facts",
                "legal_basis", "content")) {
            table.execute("ALTER TABLE \"credit_exchange\" ALTER COLUMN \"" + col + "\" VARCHAR(100000)");
        }
        table.execute("ALTER TABLE \"credit_exchange\" ALTER COLUMN \"fine_amount\" NUMERIC(100,40)");
        table.insertValid(1, ExampleTable.BASE);
        Object value = value(c.value());
        try (Connection conn = table.dataSource().getConnection(); PreparedStatement ps = conn.prepareStatement(
                "UPDATE \"credit_exchange\" SET \"" + c.column() + "\" = ? WHERE \"id\" = 1")) {
            ps.setObject(1, value);
            ps.executeUpdate();
        }
        TableConnector connector = new TableConnector(ExampleConfig.properties(table.url()));
        assertThat(connector.problem()).isEmpty();

        try (TestGateway gateway = new TestGateway(connector.descriptor()); CapturedStderr log = CapturedStderr.start()) {
            TablePoller poller = new TablePoller(connector.settings().orElseThrow(), gateway);
            poller.start();
            try {
                long start = System.nanoTime();
                assertThat(poller.pollPage()).as("the row is processed in one poll").isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
            } finally {
                poller.stop();
            }
            Map<String, Object> status = table.status(1);
            String errors = (String) status.get("cg_errors");
            JsonNode issues = JSON.readTree(errors);
            assertThat(errors).doesNotContain(SampleRecords.CITIZEN_ID);
            assertThat(log.text()).doesNotContain(SampleRecords.CITIZEN_ID);
            if (c.expected().equals("ACCEPTED")) {
                assertThat(status.get("cg_status")).as(errors).isEqualTo("ACCEPTED");
                assertThat(gateway.queuedVersions()).isEqualTo(1);
                Set<String> stored = new HashSet<>();
                collect(JSON.readTree(gateway.enqueued().get(0).payload()), stored);
                if (value instanceof String s && !c.column().equals("subject_uscc")) {
                    assertThat(stored).as("stored exactly as written").contains(s);
                }
            } else {
                String code = c.expected().substring("REJECTED:".length());
                assertThat(status.get("cg_status")).as(errors).isEqualTo("REJECTED");
                assertThat(status.get("cg_record_id")).isNull();
                assertThat(issues).as(errors).anySatisfy(i -> {
                    assertThat(i.path("code").asText()).isEqualTo(code);
                    assertThat(i.path("field").asText()).isEqualTo(c.column());
                    assertThat(i.path("message").asText()).isNotBlank();
                });
                assertThat(gateway.queuedVersions()).as("nothing stored").isZero();
                assertThat(gateway.enqueued()).isEmpty();
                assertThat(gateway.rejections()).hasSize(1);
            }
            assertThat(table.processed()).as("the table is intact").containsExactly(1L);
        }
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    private static Object value(String spec) {
        if (spec.startsWith("num:")) {
            return new BigDecimal(spec.substring(4));
        }
        if (spec.startsWith("rep:")) {
            String[] p = spec.split(":", 3);
            return p[2].repeat(Integer.parseInt(p[1]));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch == '\\' && i + 1 < spec.length()) {
                char next = spec.charAt(++i);
                switch (next) {
                    case 'u' -> {
                        b.append((char) Integer.parseInt(spec.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    default -> b.append(next);
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
