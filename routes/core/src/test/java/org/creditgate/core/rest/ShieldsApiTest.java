package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.creditgate.core.shield.ShieldCache;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shields API's lookups answered by the shield cache: {@code ?shielded=} and {@code ?recordId=}. */
class ShieldsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");
    private static final String VIEWER = TestBackend.VIEWER;

    private DataSource dataSource;
    private Ledger ledger;
    private HazelcastInstance member;
    private ShieldsApi api;

    @BeforeEach
    void start() throws Exception {
        dataSource = LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        ledger = Ledgers.open(dataSource);
        ledger.accept(List.of(version("r1", "PENALTY"), version("r2", "PENALTY"), version("s1", "SHIELD")));
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", "榕信修〔2026〕1号", null, "scjgj",
                AT));
        Config config = new FileSystemXmlConfig(Path.of("../../config/hazelcast.xml").toFile());
        config.setClusterName("shields-api-test-" + UUID.randomUUID());
        config.getNetworkConfig().setPort(5970);
        member = Hazelcast.newHazelcastInstance(config);
        api = new ShieldsApi(backend(new ShieldCache(member, ledger)));
    }

    @AfterEach
    void stop() {
        member.shutdown();
        LedgerDataSources.close(dataSource);
    }

    @Test
    void shieldedAnswersWhetherAndByWhichShield() throws Exception {
        JsonNode r1 = ok(api.list(VIEWER, null, null, null, "r1"));
        assertThat(r1.path("shielded").asBoolean()).isTrue();
        assertThat(r1.path("shieldId").asText()).isEqualTo("S-1");
        assertThat(r1.path("cause").asText()).isEqualTo("REPAIR");
        assertThat(r1.path("shieldRecordId").asText()).isEqualTo("s1");

        JsonNode r2 = ok(api.list(VIEWER, null, null, null, "r2"));
        assertThat(r2.path("shielded").asBoolean()).isFalse();
        assertThat(r2.has("shieldId")).isFalse();
        assertThat(ok(api.list(VIEWER, null, null, null, "unknown")).path("shielded").asBoolean()).isFalse();
    }

    @Test
    void recordIdListsTheProofsOfAShieldedRecordAndNothingForAnother() throws Exception {
        JsonNode r1 = ok(api.list(VIEWER, null, null, "r1", null));
        assertThat(r1.path("shields").findValuesAsText("shieldId")).containsExactly("S-1");
        assertThat(r1.path("shields").get(0).path("targetState").asText()).isEqualTo("SHIELDED");
        assertThat(ok(api.list(VIEWER, null, null, "r2", null)).path("shields")).isEmpty();
    }

    @Test
    void anonymousCallersGetNothing() {
        assertThat(api.list(null, null, null, null, "r1").getStatus()).isEqualTo(401);
    }

    private static JsonNode ok(Response r) throws Exception {
        assertThat(r.getStatus()).as(String.valueOf(r.getEntity())).isEqualTo(200);
        return JSON.readTree((String) r.getEntity());
    }

    private static RecordVersion version(String id, String dataset) {
        return new RecordVersion(id, 1, "ADD", dataset, "scjgj", "k-" + id, "S:" + id, "h-" + id, "{}", "[]", AT,
                RecordState.VALIDATED);
    }

    private GatewayApi.Backend backend(ShieldCache cache) {
        return new TestBackend(new StubGateway() {
            @Override
            public ShieldCache shieldCache() {
                return cache;
            }
        }, ledger).maxRequestBytes(2048);
    }
}
