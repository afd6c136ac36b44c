package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the REST ingest surface ({@code src/test/resources/corpus/rest/manifest.tsv}): every entry
 * is pushed over real HTTP to the API published on a CXF server, in front of the real ingest pipeline over an H2
 * ledger, and must get exactly its expected answer — never a 500, a hang, a stack trace, an unmasked ID number, or
 * anything stored beyond a rejection.
 */
class RestCorpusTest {

    private static final String DIR = "/corpus/rest/";
    private static final String TOKEN = "corpus-token";
    private static final String DEPT = "corpus";
    private static final long MAX_REQUEST_BYTES = 10_485_760L;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Traces and class names never belong in an answer. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "java.", "javax.", "org.apache",
            "org.creditgate", "com.fasterxml", "Caused by", "`", "StreamReadConstraints", "DeserializationFeature");

    private static PipelineHarness harness;
    private static Server server;
    private static HttpClient http;
    private static String base;
    private static final ByteArrayOutputStream STDERR = new ByteArrayOutputStream();
    private static PrintStream realErr;

    record Case(String name, String body, String contentType, int status, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        realErr = System.err;
        System.setErr(new PrintStream(tee(realErr), true, StandardCharsets.UTF_8));
        harness = new PipelineHarness();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/api/v1";
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(base);
        factory.setResourceClasses(GatewayApi.class);
        factory.setResourceProvider(GatewayApi.class, new SingletonResourceProvider(new GatewayApi(backend())));
        server = factory.create();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
        harness.close();
        System.setErr(realErr);
        String log = STDERR.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the gateway log").doesNotContain(SampleRecords.CITIZEN_ID);
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = RestCorpusTest.class.getResourceAsStream(DIR + "manifest.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                assertThat(c).as(line).hasSize(6);
                cases.add(Arguments.of(new Case(c[0], c[1], c[2], Integer.parseInt(c[3]), c[4], c[5])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusEntryGetsItsExpectedAnswer(Case c) throws Exception {
        byte[] body = body(c.body());
        long versionsBefore = harness.versionCount();
        long rejectionsBefore = harness.rejectionCount(DEPT);
        int enqueuedBefore = harness.enqueued().size();

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/records"))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!c.contentType().equals("-")) {
            request.header("Content-Type", c.contentType());
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        String text = response.body();
        assertThat(took).as("answered in time").isLessThan(ANSWER_WITHIN);
        assertThat(response.statusCode()).as("status; body %s", clip(text)).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        INTERNALS.forEach(s -> assertThat(text).as("no internals in the answer").doesNotContain(s));
        assertThat(text).as("no unmasked ID number").doesNotContain(SampleRecords.CITIZEN_ID);
        JsonNode answer = JSON.readTree(text);

        if (c.status() != 200) {
            assertThat(answer.path("error").asText()).isEqualTo(c.code());
            assertThat(answer.path("message").asText()).as("a reason").isNotBlank();
            assertThat(harness.versionCount()).as("nothing stored").isEqualTo(versionsBefore);
            assertThat(harness.rejectionCount(DEPT)).as("nothing stored").isEqualTo(rejectionsBefore);
            assertThat(harness.enqueued()).as("nothing sent").hasSize(enqueuedBefore);
            return;
        }
        assertThat(answer.path("received").asInt()).isEqualTo(1);
        JsonNode result = answer.path("results").path(0);
        if (c.code().equals("ACCEPTED")) {
            assertThat(result.path("status").asText()).as(text).isEqualTo("ACCEPTED");
            assertThat(harness.versionCount()).isEqualTo(versionsBefore + 1);
            assertThat(harness.enqueued()).hasSize(enqueuedBefore + 1);
            String payload = harness.ledger().version(result.path("recordId").asText(), 1).orElseThrow().payload();
            assertStoredVerbatim(body, payload);
            return;
        }
        String code = c.code().substring("REJECTED:".length());
        assertThat(result.path("status").asText()).as(text).isEqualTo("REJECTED");
        assertThat(result.path("recordId").isNull()).isTrue();
        assertThat(result.path("errors")).as(text).anySatisfy(e -> {
            assertThat(e.path("code").asText()).isEqualTo(code);
            assertThat(e.path("field").asText()).isEqualTo(c.field());
            assertThat(e.path("message").asText()).isNotBlank();
        });
        assertThat(harness.versionCount()).as("no record version").isEqualTo(versionsBefore);
        assertThat(harness.enqueued()).as("nothing sent").hasSize(enqueuedBefore);
        assertThat(harness.rejectionCount(DEPT)).as("the rejection is kept").isEqualTo(rejectionsBefore + 1);
        String senderRef = harness.ledger().rejections(DEPT, 0, 1).get(0).senderRef();
        if (senderRef != null) {
            assertThat(senderRef).as("storable sender ref").doesNotContainPattern("[\\x00-\\x1f\\x{d800}-\\x{dfff}]");
        }
    }

    @Test
    void hostileBodiesWithoutAValidTokenAreRefusedUnread() throws Exception {
        long versions = harness.versionCount();
        for (String gen : List.of("gen:nested-arrays-100000", "gen:bytes-11000000")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/records"))
                    .timeout(ANSWER_WITHIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(gen))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(harness.versionCount()).isEqualTo(versions);
    }

    /** Every text of the sent record appears unchanged among the stored record's texts: data is never rewritten. */
    private static void assertStoredVerbatim(byte[] sent, String payload) throws IOException {
        JsonNode in = JSON.readTree(sent);
        Set<String> stored = new HashSet<>();
        collect(JSON.readTree(payload), stored);
        for (String field : List.of("CF_WSH", "CF_XDR_MC", "CF_SY", "CF_NR", "CF_YJ", "CF_WFXW")) {
            assertThat(stored).as(field).contains(in.path(field).asText());
        }
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    private static byte[] body(String spec) throws IOException {
        if (!spec.startsWith("gen:")) {
            try (InputStream in = RestCorpusTest.class.getResourceAsStream(DIR + spec)) {
                assertThat(in).as("corpus file " + spec).isNotNull();
                return in.readAllBytes();
            }
        }
        String gen = spec.substring(4);
        boolean sized = gen.matches(".*-[0-9]+");
        String name = sized ? gen.substring(0, gen.lastIndexOf('-')) : gen;
        int n = sized ? Integer.parseInt(gen.substring(gen.lastIndexOf('-') + 1)) : 0;
        String sample = SampleRecords.penalty("榕市监罚〔2026〕gen-" + gen + "号").toString();
        String text = switch (name) {
            case "empty" -> "";
            case "whitespace" -> " \r\n\t ";
            case "raw-control-char" -> "{\"CF_WSH\":\"a\u0001b\"}";
            case "nested-arrays" -> "{\"CF_WSH\":" + "[".repeat(n) + "]".repeat(n) + "}";
            case "nested-objects" -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
            case "string" -> "{\"CF_WSH\":\"" + "a".repeat(n) + "\"}";
            case "facts" -> sample.replace("\"CF_SY\":\"生产、销售不合格产品\"", "\"CF_SY\":\"" + "违".repeat(n) + "\"");
            case "array" -> sample.replaceFirst("\"CF_WSH\":\"[^\"]*\"", "\"CF_WSH\":[" + "1,".repeat(n - 1) + "1]");
            case "batch" -> "{\"records\":[" + (sample + ",").repeat(n - 1) + sample + "]}";
            case "bytes" -> "{\"CF_WSH\":\"" + "a".repeat(n) + "\"}";
            default -> throw new IllegalArgumentException("no generator " + gen);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    private static OutputStream tee(PrintStream real) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (STDERR) {
                    STDERR.write(b);
                }
                real.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (STDERR) {
                    STDERR.write(b, off, len);
                }
                real.write(b, off, len);
            }
        };
    }

    private static GatewayApi.Backend backend() {
        IngestGateway gateway = new StubGateway() {
            @Override
            public IngestResult ingest(IngestRequest request) {
                return harness.pipeline().ingest(request);
            }
        };
        return new TestBackend(gateway, harness.ledger()).departments(Map.of(DEPT + ".token", TOKEN, DEPT + ".name",
                "语料测试部门")).maxRequestBytes(MAX_REQUEST_BYTES);
    }
}
