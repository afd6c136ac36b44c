package org.creditgate.connector.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelExecutionException;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.testkit.ConnectorRouteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the REST push connector ({@code src/test/resources/corpus/push/manifest.tsv}): bodies as
 * the core hands them to the push endpoint, through the connector's mapping into the real ingest pipeline. A push
 * refused whole stores nothing; a bad record is rejected alone; hostile keys and values are data or ignored.
 */
class PushCorpusTest extends ConnectorRouteTest<RestPushConnector> {

    /** As the core's API reads a body: floats as BigDecimal (ApiJson). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    record Case(String name, String body, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    protected RestPushConnector newConnector() {
        return new RestPushConnector(Map.of("department", "example", "map.CF_SY", "处罚事由"));
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : text("manifest.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            assertThat(c).as(line).hasSize(3);
            cases.add(Arguments.of(new Case(c[0], c[1], c[2])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyPushIsAnsweredAsListed(Case c) throws Exception {
        JsonNode body = body(c.body());
        Object[] answer = new Object[1];
        Throwable thrown = catchThrowable(() -> answer[0] = template.requestBody(
                connector.descriptor().pushEndpoint(), body, IngestResult.class));

        if (Character.isDigit(c.expected().charAt(0))) {
            String[] e = c.expected().split(":");
            assertThat(thrown).isInstanceOf(CamelExecutionException.class);
            assertThat(thrown.getCause()).isInstanceOf(IngestException.class);
            IngestException ie = (IngestException) thrown.getCause();
            assertThat(ie.httpStatus()).isEqualTo(Integer.parseInt(e[0]));
            assertThat(ie.code()).isEqualTo(e[1]);
            assertThat(ie.getMessage()).isNotBlank();
            assertThat(gateway.ledgerCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
            assertThat(gateway.rejections()).isEmpty();
            return;
        }
        assertThat(thrown).as("no failure").isNull();
        RecordResult r = ((IngestResult) answer[0]).results().get(0);
        if (c.expected().equals("ACCEPTED")) {
            assertThat(r.status()).as(r.toString()).isEqualTo(IngestStatus.ACCEPTED);
            Set<String> stored = new HashSet<>();
            collect(JSON.readTree(gateway.enqueued().get(0).payload()), stored);
            assertThat(stored).contains(body.path("CF_WSH").asText());
            if (body.has("处罚事由") && !body.has("CF_SY")) {
                assertThat(stored).contains(body.path("处罚事由").asText());
            }
            return;
        }
        String[] e = c.expected().split(":");
        assertThat(r.status()).as(r.toString()).isEqualTo(IngestStatus.REJECTED);
        assertThat(r.errors()).as(r.toString()).anySatisfy(i -> {
            assertThat(i.code()).isEqualTo(e[1]);
            assertThat(i.field()).isEqualTo(e[2]);
        });
        assertThat(gateway.enqueued()).isEmpty();
        assertThat(gateway.rejections()).hasSize(1);
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    private static JsonNode body(String spec) throws IOException {
        if (spec.startsWith("gen:batch-")) {
            int n = Integer.parseInt(spec.substring("gen:batch-".length()));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode records = body.putArray("records");
            for (int i = 0; i < n; i++) {
                ObjectNode r = SampleRecords.penalty("榕市监罚〔2026〕批" + i + "号");
                r.set("处罚事由", r.remove("CF_SY"));
                records.add(r);
            }
            return body;
        }
        return JSON.readTree(text(spec));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = PushCorpusTest.class.getResourceAsStream("/corpus/push/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
