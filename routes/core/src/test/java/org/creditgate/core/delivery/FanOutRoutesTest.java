package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.ingest.TestBroker;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The fan-out against a real Artemis broker and the shipped routing table: one copy per upstream the record is
 * routed to, with its duplicate id and message group, each recorded QUEUED in the ledger — and a second fan-out of
 * the same version adds no copy and no delivery.
 */
class FanOutRoutesTest extends CamelTestSupport {

    private static final String ACCEPTED = "creditgate.records.accepted";
    private static final String[] UPSTREAMS = {"province", "national", "creditchina", "gsxt"};

    private TestBroker broker;
    private DataSource dataSource;
    private Ledger ledger;
    private CachingConnectionFactory connections;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start();
        connections = new CachingConnectionFactory(broker.connectionFactory());
        CamelContext context = super.createCamelContext();
        context.addComponent(FanOutRoutes.JMS, DeliveryJms.component(connections));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        dataSource = LedgerDataSources.create(new LedgerSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        ledger = Ledgers.open(dataSource);
        return new FanOutRoutes(ACCEPTED, new FanOut(new RoutingTable(shippedTable()), ledger, Clock.systemUTC()));
    }

    @AfterEach
    void stopInfrastructure() throws Exception {
        context.stop();
        connections.destroy();
        broker.close();
        LedgerDataSources.close(dataSource);
    }

    static Map<String, Object> shippedTable() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../config/org.creditgate.routing.cfg"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Object> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v));
        return m;
    }

    private static CreditRecord validated(ObjectNode json) {
        var outcome = new RecordValidator().validate(json,
                new ValidationContext(LocalDate.of(2026, 11, 20), WorkingDayCalendar.fromClasspath()));
        assertThat(outcome.errors()).isEmpty();
        return outcome.record();
    }

    private static String idOf(CreditRecord r) {
        return org.creditgate.model.RecordIds.forBusinessKey(r.dataset(), r.businessKey());
    }

    /** What the ingest pipeline puts on the accepted queue. */
    private void accepted(CreditRecord r, String subject) {
        template.send(FanOutRoutes.JMS + ":queue:" + ACCEPTED, e -> {
            e.getMessage().setBody(CanonicalJson.write(r));
            e.getMessage().setHeader(GatewayHeaders.RECORD_ID, idOf(r));
            e.getMessage().setHeader(GatewayHeaders.VERSION, 1);
            e.getMessage().setHeader(GatewayHeaders.GROUP, subject);
        });
    }

    @Test
    void everyRoutedUpstreamGetsOneCopyWithItsDuplicateIdAndGroup() throws Exception {
        CreditRecord fine = validated(SampleRecords.penalty("榕市监罚〔2026〕1号"));
        NotifyBuilder twice = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(2).create();

        accepted(fine, "S:91350100M000100Y43");
        accepted(fine, "S:91350100M000100Y43"); // a fan-out that runs twice (crash before commit)

        assertThat(twice.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // the exchange completes just before the JMS transaction commits: wait for the copies to be visible
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse(ACCEPTED)).isEmpty());
        for (String upstream : UPSTREAMS) {
            List<Message> copies = broker.browse("creditgate.upstream." + upstream);
            assertThat(copies).as(upstream).hasSize(1);
            assertThat(copies.get(0).getStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID))
                    .isEqualTo(idOf(fine) + ":1:" + upstream);
            assertThat(copies.get(0).getStringProperty(GatewayHeaders.GROUP)).isEqualTo("S:91350100M000100Y43");
        }
        assertThat(ledger.deliveries(idOf(fine))).extracting(Delivery::upstream, Delivery::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("province", DeliveryState.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("national", DeliveryState.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("creditchina", DeliveryState.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("gsxt", DeliveryState.QUEUED));
        assertThat(broker.browse(ACCEPTED)).as("consumed").isEmpty();
    }

    @Test
    void anUnpublishableRecordGoesOnlyToTheSharingPlatforms() throws Exception {
        CreditRecord closed = validated(SampleRecords.penalty("榕市监罚〔2026〕2号").put("publish", "N")
                .put("publishReason", "涉及国家秘密"));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();

        accepted(closed, "S:91350100M000100Y43");

        assertThat(done.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.national")).hasSize(1));
        assertThat(ledger.deliveries(idOf(closed))).extracting(Delivery::upstream)
                .containsExactlyInAnyOrder("province", "national");
        assertThat(broker.browse("creditgate.upstream.creditchina")).isEmpty();
        assertThat(broker.browse("creditgate.upstream.gsxt")).isEmpty();
    }

    /** What the ingest pipeline puts on the accepted queue for one version. */
    private void accepted(CreditRecord r, int version, String subject) {
        CreditRecord v = r.withMeta(new org.creditgate.model.RecordMeta(idOf(r), version, r.meta().op()));
        template.send(FanOutRoutes.JMS + ":queue:" + ACCEPTED, e -> {
            e.getMessage().setBody(CanonicalJson.write(v));
            e.getMessage().setHeader(GatewayHeaders.RECORD_ID, idOf(r));
            e.getMessage().setHeader(GatewayHeaders.VERSION, version);
            e.getMessage().setHeader(GatewayHeaders.GROUP, subject);
        });
    }

    /**
     * The shipped table gives province a nightly window with corrections on the real-time lane: an ADD waits for the
     * window, a correction of it waits behind it on the same lane, and a correction of a record province already
     * has goes on the real-time lane. Upstreams without a window get everything on their one queue.
     */
    @Test
    void correctionsTakeTheRealTimeLaneUnlessAnEarlierVersionStillWaits() throws Exception {
        ObjectNode json = SampleRecords.penalty("榕市监罚〔2026〕3号");
        CreditRecord add = validated(json);
        ObjectNode corrected = json.deepCopy();
        corrected.put("op", "UPDATE");
        corrected.put("CF_NR", "罚款人民币3000元");
        corrected.put("CF_NR_FK", "0.3");
        CreditRecord update = validated(corrected);
        String id = idOf(add);
        NotifyBuilder two = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(2).create();

        accepted(add, 1, "S:91350100M000100Y43");
        accepted(update, 2, "S:91350100M000100Y43");

        assertThat(two.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.province")).hasSize(2));
        assertThat(broker.browse("creditgate.upstream.province.realtime")).as("v2 waits behind v1").isEmpty();

        // province received v1 and v2; a third version goes out at once
        ledger.updateDeliveries("province", List.of(new org.creditgate.ledger.VersionRef(id, 1),
                new org.creditgate.ledger.VersionRef(id, 2)), DeliveryState.ACCEPTED, "B1", "R1", null,
                java.time.Instant.now());
        NotifyBuilder third = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();
        accepted(update, 3, "S:91350100M000100Y43");

        assertThat(third.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.province.realtime")).hasSize(1));
        assertThat(broker.browse("creditgate.upstream.province.realtime").get(0)
                .getStringProperty(GatewayHeaders.ARTEMIS_DUPLICATE_ID)).isEqualTo(id + ":3:province");
        assertThat(broker.browse("creditgate.upstream.province")).hasSize(2);
        // creditchina has no window: every version on its one queue
        assertThat(broker.browse("creditgate.upstream.creditchina")).hasSize(3);
        assertThat(broker.browse("creditgate.upstream.creditchina.realtime")).isEmpty();
    }

    private static org.creditgate.ledger.RecordVersion stored(String id, int version) {
        return new org.creditgate.ledger.RecordVersion(id, version, version == 1 ? "ADD" : "UPDATE", "PENALTY",
                "scjgj", "k-" + id, "S:91350100M000100Y43", "h" + version, "{}", "[]", java.time.Instant.now(),
                org.creditgate.ledger.RecordState.QUEUED);
    }

    private void shieldAccepted(String shieldId, String target, String cause, String department,
            String... targets) {
        scopedShieldAccepted(shieldId, target, cause, department, null, targets);
    }

    private void scopedShieldAccepted(String shieldId, String target, String cause, String department, String scope,
            String... targets) {
        ObjectNode json = SampleRecords.JSON.createObjectNode().put("dataset", "SHIELD")
                .put("shieldId", shieldId).put("targetDataset", "PENALTY").put("targetRecordId", target)
                .put("cause", cause).put("effectiveAt", "2026-11-20T10:00:00+08:00");
        for (String t : targets) {
            json.withArray("targets").add(t);
        }
        if (scope != null) {
            json.put("scope", scope);
        }
        CreditRecord shield = validated(json);
        template.send(FanOutRoutes.JMS + ":queue:" + ACCEPTED, e -> {
            e.getMessage().setBody(CanonicalJson.write(shield.withMeta(new org.creditgate.model.RecordMeta(
                    "shield-" + shieldId, 1, org.creditgate.model.Op.ADD))));
            e.getMessage().setHeader(GatewayHeaders.RECORD_ID, "shield-" + shieldId);
            e.getMessage().setHeader(GatewayHeaders.VERSION, 1);
            e.getMessage().setHeader(GatewayHeaders.DATASET, "SHIELD");
            e.getMessage().setHeader(GatewayHeaders.DEPARTMENT, department);
            e.getMessage().setHeader(GatewayHeaders.GROUP, "R:" + target);
        });
    }

    /**
     * A shield goes to exactly the upstreams holding some version (sent, accepted, unknown), on their real-time
     * lanes, naming the highest version each was sent; an upstream with only a queued version gets none and that
     * version — like every queued one — is SUPPRESSED; the platform a repair came from never gets it back.
     */
    @Test
    void aShieldGoesToTheHoldersOnTheRealTimeLaneAndSuppressesWhatIsQueued() throws Exception {
        String id = "r-shielded";
        ledger.accept(List.of(stored(id, 1), stored(id, 2)));
        ledger.queueDeliveries(List.of(Delivery.queued(id, 1, "province", java.time.Instant.now()),
                Delivery.queued(id, 2, "province", java.time.Instant.now()),
                Delivery.queued(id, 1, "national", java.time.Instant.now()),
                Delivery.queued(id, 2, "national", java.time.Instant.now()),
                Delivery.queued(id, 2, "creditchina", java.time.Instant.now())));
        ledger.updateDeliveries("province", List.of(new org.creditgate.ledger.VersionRef(id, 1)),
                DeliveryState.ACCEPTED, null, "R1", null, java.time.Instant.now());
        ledger.updateDeliveries("national", List.of(new org.creditgate.ledger.VersionRef(id, 1),
                new org.creditgate.ledger.VersionRef(id, 2)), DeliveryState.SENT, "B", null, null,
                java.time.Instant.now());
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();

        shieldAccepted("S-1", id, "REPAIR", "scjgj");

        assertThat(done.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.national.realtime")).hasSize(1));
        assertThat(broker.browse("creditgate.upstream.province.realtime")).hasSize(1);
        assertThat(broker.browse("creditgate.upstream.province.realtime").get(0)
                .getStringProperty(GatewayHeaders.SHIELD_TARGET)).isEqualTo(id + ":1");
        assertThat(broker.browse("creditgate.upstream.national.realtime").get(0)
                .getStringProperty(GatewayHeaders.SHIELD_TARGET)).isEqualTo(id + ":2");
        for (String upstream : UPSTREAMS) {
            assertThat(broker.browse("creditgate.upstream." + upstream)).as(upstream + " scheduled lane").isEmpty();
        }
        assertThat(broker.browse("creditgate.upstream.creditchina.realtime")).as("never had it").isEmpty();
        assertThat(broker.browse("creditgate.upstream.gsxt.realtime")).isEmpty();
        assertThat(ledger.head(id)).get().extracting(org.creditgate.ledger.RecordHead::state)
                .isEqualTo(org.creditgate.ledger.RecordState.SHIELDED);
        assertThat(ledger.deliveries(id)).filteredOn(d -> d.state() == DeliveryState.SUPPRESSED)
                .extracting(Delivery::upstream, Delivery::version).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("province", 2),
                        org.assertj.core.groups.Tuple.tuple("creditchina", 2));
        assertThat(ledger.shieldDispatches("S-1")).extracting(org.creditgate.ledger.ShieldDispatch::upstream,
                org.creditgate.ledger.ShieldDispatch::targetVersion).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("national", 2),
                        org.assertj.core.groups.Tuple.tuple("province", 1));

        // an upstream's own repair goes to the others, never back to it
        NotifyBuilder again = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();
        shieldAccepted("S-2", id, "UPSTREAM_REPAIR", "province");
        assertThat(again.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.national.realtime")).hasSize(2));
        assertThat(broker.browse("creditgate.upstream.province.realtime")).hasSize(1);
        assertThat(ledger.shieldDispatches("S-2")).extracting(org.creditgate.ledger.ShieldDispatch::upstream)
                .containsExactly("national");
    }

    /** A shield naming its targets (an EXPIRED one: where the period ended) goes only to those of the holders. */
    @Test
    void aShieldWithTargetsGoesOnlyToThoseHolders() throws Exception {
        String id = "r-expired";
        ledger.accept(List.of(stored(id, 1)));
        ledger.queueDeliveries(List.of(Delivery.queued(id, 1, "province", java.time.Instant.now()),
                Delivery.queued(id, 1, "national", java.time.Instant.now()),
                Delivery.queued(id, 1, "gsxt", java.time.Instant.now())));
        for (String upstream : List.of("province", "national", "gsxt")) {
            ledger.updateDeliveries(upstream, List.of(new org.creditgate.ledger.VersionRef(id, 1)),
                    DeliveryState.ACCEPTED, null, "R-" + upstream, null, java.time.Instant.now());
        }
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();

        shieldAccepted("S-EXP", id, "EXPIRED", "gateway", "gsxt", "creditchina");

        assertThat(done.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.gsxt.realtime")).hasSize(1));
        assertThat(broker.browse("creditgate.upstream.province.realtime")).isEmpty();
        assertThat(broker.browse("creditgate.upstream.national.realtime")).isEmpty();
        assertThat(broker.browse("creditgate.upstream.creditchina.realtime")).as("named, but never had it").isEmpty();
        assertThat(ledger.shieldDispatches("S-EXP")).extracting(org.creditgate.ledger.ShieldDispatch::upstream)
                .containsExactly("gsxt");
    }

    /**
     * A shield of scope PLATFORMS (GSXT's own period ended first) goes to that platform only, leaves the record
     * published locally, and a later correction of the record is no longer sent there.
     */
    @Test
    void aPlatformShieldEndsTheRecordThereOnly() throws Exception {
        CreditRecord fine = validated(SampleRecords.penalty("榕市监罚〔2026〕31号"));
        String id = idOf(fine);
        ledger.accept(List.of(stored(id, 1)));
        ledger.queueDeliveries(java.util.Arrays.stream(UPSTREAMS).map(u -> Delivery.queued(id, 1, u, java.time.Instant.now()))
                .toList());
        for (String upstream : UPSTREAMS) {
            ledger.updateDeliveries(upstream, List.of(new org.creditgate.ledger.VersionRef(id, 1)),
                    DeliveryState.ACCEPTED, null, "R-" + upstream, null, java.time.Instant.now());
        }
        NotifyBuilder shielded = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1).create();
        scopedShieldAccepted("S-GSXT", id, "EXPIRED", "gateway", "PLATFORMS", "gsxt");
        assertThat(shielded.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(broker.browse("creditgate.upstream.gsxt.realtime")).hasSize(1));
        assertThat(ledger.head(id)).get().extracting(org.creditgate.ledger.RecordHead::state)
                .isNotEqualTo(org.creditgate.ledger.RecordState.SHIELDED);

        ledger.accept(List.of(stored(id, 2)));
        NotifyBuilder corrected = new NotifyBuilder(context).fromRoute(FanOutRoutes.ROUTE_ID).whenCompleted(1)
                .create();
        accepted(fine, 2, "S:91350100M000100Y43");
        assertThat(corrected.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledger.deliveries(id)).filteredOn(d -> d.version() == 2).extracting(Delivery::upstream)
                        .containsExactlyInAnyOrder("province", "national", "creditchina"));
    }
}
