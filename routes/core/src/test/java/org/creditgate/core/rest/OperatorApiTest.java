package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /operator} (who am I), and the challenge filter over real HTTP on a CXF server: a 401 to a script that
 * says so ({@code X-Requested-With}) carries no {@code WWW-Authenticate}, so a browser shows no login dialog of its
 * own; any other caller keeps the challenge.
 */
class OperatorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Without the core: who is logged in needs the login only. */
    private static final TestBackend BACKEND = new TestBackend(new StubGateway(), null);
    private static Server server;
    private static HttpClient http;
    private static String base;

    private final OperatorApi api = new OperatorApi(BACKEND);

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/api/v1";
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(base);
        factory.setResourceClasses(OperatorApi.class, LineageApi.class);
        factory.setResourceProvider(OperatorApi.class, new SingletonResourceProvider(new OperatorApi(BACKEND)));
        factory.setResourceProvider(LineageApi.class, new SingletonResourceProvider(new LineageApi(BACKEND)));
        factory.setProvider(new ScriptChallengeFilter());
        server = factory.create();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void anOperatorSeesTheirNameSortedRolesAndWhetherTheyMayAct() throws Exception {
        JsonNode boss = ok(api.me(TestBackend.ADMIN));
        assertThat(boss.fieldNames()).toIterable().containsExactly("name", "roles", "canOperate");
        assertThat(boss.path("name").asText()).isEqualTo("boss");
        assertThat(boss.path("roles").toString()).isEqualTo("[\"admin\",\"manager\"]");
        assertThat(boss.path("canOperate").asBoolean()).isTrue();

        JsonNode viewer = ok(api.me(TestBackend.VIEWER));
        assertThat(viewer.path("name").asText()).isEqualTo("viewer");
        assertThat(viewer.path("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(viewer.path("canOperate").asBoolean()).isFalse();
    }

    @Test
    void noLoginOrNoOperatorRoleIs401() throws Exception {
        for (String auth : new String[] {null, TestBackend.NO_ROLE, TestBackend.basic("stranger"),
                "Basic !!!", "Bearer token"}) {
            Response r = api.me(auth);
            assertThat(r.getStatus()).as(auth).isEqualTo(401);
            assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"creditgate\"");
            assertThat(JSON.readTree((String) r.getEntity()).path("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void overHttpAScriptsRefusalCarriesNoChallengeAndEveryOtherOneDoes() throws Exception {
        for (String path : List.of("/operator", "/lineage/some-record")) {
            HttpResponse<String> curl = get(path, null, null);
            assertThat(curl.statusCode()).isEqualTo(401);
            assertThat(curl.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"creditgate\"");

            for (String header : List.of("X-Requested-With", "x-requested-with")) {
                HttpResponse<String> console = get(path, null, header);
                assertThat(console.statusCode()).isEqualTo(401);
                assertThat(console.headers().firstValue("WWW-Authenticate")).as(path + " " + header).isEmpty();
                assertThat(JSON.readTree(console.body()).path("error").asText()).isEqualTo("UNAUTHENTICATED");
            }
            HttpResponse<String> wrongPassword = get(path, TestBackend.basic("stranger"), "X-Requested-With");
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
        HttpResponse<String> loggedIn = get("/operator", TestBackend.VIEWER, "X-Requested-With");
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(loggedIn.body()).path("name").asText()).isEqualTo("viewer");
    }

    private static HttpResponse<String> get(String path, String authorization, String requestedWith)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (requestedWith != null) {
            request.header(requestedWith, "creditgate-console");
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(Response r) throws Exception {
        assertThat(r.getStatus()).as(String.valueOf(r.getEntity())).isEqualTo(200);
        return JSON.readTree((String) r.getEntity());
    }
}
