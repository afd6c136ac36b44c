package org.creditgate.connector.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.creditgate.connector.court.sim.CourtSimulator;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.testkit.CapturedStderr;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the SOAP surface ({@code src/test/resources/corpus/soap/manifest.tsv}): the court
 * connector's client and puller poll a proxy that forwards to the court simulator and mutates its real answer
 * (external entities, entity bombs, wrong content types, truncation, huge and endless answers, more changes than
 * asked …). A hostile answer must fail the poll in one line, quickly, with nothing ingested and the watermark kept.
 */
class SoapCorpusTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final int PAGE = 3;

    private CourtSimulator sim;
    private HttpServer proxy;
    private volatile Case current;
    private final AtomicBoolean stopDrip = new AtomicBoolean();
    private final List<String> people = new ArrayList<>();

    record Case(String name, String mutation, int status, String contentType, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = SoapCorpusTest.class.getResourceAsStream("/corpus/soap/manifest.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                assertThat(c).as(line).hasSize(5);
                cases.add(Arguments.of(new Case(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4])));
            }
        }
        return cases.stream();
    }

    @BeforeEach
    void start() throws IOException {
        sim = new CourtSimulator().start(0);
        for (int n = 1; n <= PAGE; n++) {
            people.add(sim.add(DemoExecutees.person(n)).getCardNum());
        }
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.setExecutor(Executors.newCachedThreadPool());
        proxy.createContext("/", this::answer);
        proxy.start();
    }

    @AfterEach
    void stop() {
        stopDrip.set(true);
        proxy.stop(0);
        sim.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileAnswerIsTakenAsListed(Case c) throws Exception {
        current = c;
        Map<String, Object> p = new HashMap<>();
        p.put("department", "zjfy");
        p.put(CourtSettings.ENDPOINT, "http://127.0.0.1:" + proxy.getAddress().getPort() + CourtSimulator.PATH);
        p.put(CourtSettings.ACCOUNT, CourtSimulator.ACCOUNT);
        p.put(CourtSettings.PASSWORD, CourtSimulator.PASSWORD);
        p.put(CourtSettings.PAGE_SIZE, String.valueOf(PAGE));
        p.put(CourtSettings.RECEIVE_TIMEOUT, "2s");
        p.put(CourtSettings.CONNECT_TIMEOUT, "6s");
        CourtConnector connector = new CourtConnector(p);
        CourtSettings settings = connector.settings().orElseThrow(() -> new AssertionError(connector.problem()));

        try (TestGateway gateway = new TestGateway(connector.descriptor());
                CapturedStderr log = CapturedStderr.start()) {
            CourtPuller puller = new CourtPuller(() -> new CourtClient(settings),
                    new CourtTranslator(gateway.clock()), gateway, PAGE);
            puller.start();
            try {
                long start = System.nanoTime();
                if (c.expected().equals("REFUSED")) {
                    assertThatThrownBy(puller::pullPage).as("the poll fails").isInstanceOf(CourtPullException.class)
                            .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator")
                                    .doesNotContain("\n").hasSizeLessThan(1000));
                    assertThat(gateway.ingestCalls()).as("nothing ingested").isZero();
                    assertThat(gateway.watermark().get()).as("watermark kept").isEmpty();
                } else {
                    puller.pullPage();
                    assertThat(gateway.watermark().get()).contains(String.valueOf(sim.lastSeq()));
                    if (c.expected().equals("ACCEPTED")) {
                        assertThat(gateway.count(IngestStatus.ACCEPTED)).isEqualTo(PAGE);
                    } else {
                        String[] e = c.expected().split(":");
                        assertThat(gateway.results()).flatMap(r -> r.results()).filteredOn(r ->
                                r.status() == IngestStatus.REJECTED).isNotEmpty().allSatisfy(r ->
                                assertThat(r.errors()).anySatisfy(i -> {
                                    assertThat(i.code()).isEqualTo(e[1]);
                                    assertThat(i.field()).isEqualTo(e[2]);
                                }));
                        assertThat(gateway.queuedVersions()).isEqualTo(gateway.count(IngestStatus.ACCEPTED));
                    }
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no hang").isLessThan(WITHIN);
            } finally {
                puller.stop();
            }
            people.forEach(id -> assertThat(log.text()).as("log").doesNotContain(id));
        }
    }

    // ---- the mutating proxy ----

    private void answer(HttpExchange ex) throws IOException {
        Case c = current;
        byte[] request = ex.getRequestBody().readAllBytes();
        String real = forward(request, ex.getRequestHeaders().getFirst("SOAPAction"));
        ex.getResponseHeaders().set("Content-Type", c.contentType());
        if (c.mutation().equals("drip")) {
            drip(ex, real);
            return;
        }
        byte[] body = mutate(c.mutation(), real, c.contentType());
        ex.sendResponseHeaders(c.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGaveUp) {
            // the client refused to read on: that is the point of some cases
        }
    }

    private String forward(byte[] request, String soapAction) throws IOException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request));
            if (soapAction != null) {
                b.header("SOAPAction", soapAction);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The real answer's XML declaration and envelope start, then one space a second, for ever (a stuck server). */
    private void drip(HttpExchange ex, String real) throws IOException {
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(real.substring(0, real.indexOf('>') + 1).getBytes(StandardCharsets.UTF_8));
            while (!stopDrip.get()) {
                out.write(' ');
                out.flush();
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException clientGaveUp) {
            // the client hung up: good
        }
    }

    static byte[] mutate(String mutation, String real, String contentType) {
        int bodyAt = real.indexOf("<soap:Body>") >= 0 ? real.indexOf("<soap:Body>") : real.indexOf(":Body>") + 6;
        String m = switch (mutation) {
            case "none" -> real;
            case "xxe-file" -> doctype(real, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>",
                    "&e;");
            case "xxe-http" -> doctype(real, "<!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:9/x\">]>", "&e;");
            case "billion-laughs" -> doctype(real, laughs(), "&l9;");
            case "quadratic-blowup" -> doctype(real, "<!DOCTYPE x [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>",
                    "&a;".repeat(20_000));
            case "html" -> "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>";
            case "json" -> "{\"changes\":[],\"hasMore\":false}";
            case "empty" -> "";
            case "truncate" -> real.substring(0, real.length() / 2);
            case "gbk-bytes" -> null;
            case "stack-trace" -> "java.lang.NullPointerException: 110105194912310021\n\tat com.court.Service.query"
                    + "(Service.java:42)\n\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)";
            case "control-char" -> real.replaceFirst("当事人1<", "当事人\u001b[2J1<");
            case "c1-control" -> real.replaceAll("当事人([0-9])<", "当事人&#x9b;$1<");
            case "sql-text" -> real.replaceAll("（2026）闽01执([0-9])号", "（2026）闽01执$1号'; DROP TABLE record_head; --");
            default -> generated(mutation, real, bodyAt);
        };
        if (mutation.equals("gbk-bytes")) {
            return real.getBytes(Charset.forName("GBK"));
        }
        return m.getBytes(StandardCharsets.UTF_8);
    }

    private static String generated(String mutation, String real, int bodyAt) {
        int n = Integer.parseInt(mutation.substring(mutation.lastIndexOf('-') + 1));
        if (mutation.startsWith("huge-text-")) {
            return real.replaceFirst("当事人1<", "当事人1" + "长".repeat(n) + "<");
        }
        if (mutation.startsWith("nested-")) {
            return real.replaceFirst("当事人1<", "当事人1" + "<x>".repeat(n) + "</x>".repeat(n) + "<");
        }
        if (mutation.startsWith("repeat-changes-")) {
            // the court ignores maxRows: n changes with increasing seq, each a copy of the first
            java.util.regex.Matcher open = java.util.regex.Pattern.compile("<([A-Za-z0-9]+:)?change>").matcher(real);
            if (!open.find()) {
                throw new IllegalStateException("no <change> in the simulator's answer: " + real);
            }
            String prefix = open.group(1) == null ? "" : open.group(1);
            int from = open.start();
            String close = "</" + prefix + "change>";
            int to = real.indexOf(close) + close.length();
            String one = real.substring(from, to);
            StringBuilder many = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                many.append(one.replaceFirst("seq>[0-9]+<", "seq>" + i + "<")
                        .replaceFirst("（2026）闽01执[0-9]+号", "（2026）闽01执9" + i + "号"));
            }
            return real.substring(0, from) + many + real.substring(real.lastIndexOf(close) + close.length());
        }
        throw new IllegalArgumentException("no mutation " + mutation + " at " + bodyAt);
    }

    /** The answer with a DTD before the envelope and {@code ref} in the first executee's name. */
    private static String doctype(String real, String dtd, String ref) {
        String noDecl = real.startsWith("<?xml") ? real.substring(real.indexOf("?>") + 2) : real;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + noDecl.replaceFirst("当事人1<", "当事人1" + ref + "<");
    }

    private static String laughs() {
        StringBuilder b = new StringBuilder("<!DOCTYPE x [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]>").toString();
    }
}
