package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.creditgate.core.delivery.ShieldGuard;
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

/**
 * The shield cache on a real embedded Hazelcast member configured by the shipped etc/hazelcast.xml, over an H2
 * ledger: it answers like the ledger, caches "none" as well as shields, a shield applied after a "none" was cached
 * wins, and a member that comes up empty reads the ledger again.
 */
class ShieldCacheTest {

    private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    private DataSource dataSource;
    private Ledger ledger;
    private HazelcastInstance member;

    @BeforeEach
    void start() throws Exception {
        dataSource = LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        ledger = Ledgers.open(dataSource);
        ledger.accept(List.of(version("r1"), version("r2")));
        member = Hazelcast.newHazelcastInstance(shippedConfig());
    }

    @AfterEach
    void stop() {
        Hazelcast.shutdownAll();
        LedgerDataSources.close(dataSource);
    }

    @Test
    void shippedMapSettingsBoundTheCache() throws Exception {
        MapConfig map = member.getConfig().getMapConfig(ShieldCache.MAP);
        assertThat(map.getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
        assertThat(map.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.PER_NODE);
        assertThat(map.getEvictionConfig().getSize()).isEqualTo(100_000);
        assertThat(map.getNearCacheConfig().isCacheLocalEntries()).isTrue();
        assertThat(map.getNearCacheConfig().isInvalidateOnChange()).isTrue();
        assertThat(map.getTimeToLiveSeconds()).isEqualTo(300);
        assertThat(map.getBackupCount()).isZero();
    }

    @Test
    void answersFromTheLedgerOnceThenFromTheMap() {
        CountingLedger counting = new CountingLedger(ledger);
        ShieldCache cache = new ShieldCache(member, counting.proxy());
        ledger.applyShield(shield("S-1", "r1"));

        assertThat(cache.shielded("r1")).isTrue();
        assertThat(cache.shielded("r2")).isFalse();
        int reads = counting.calls.get();
        for (int i = 0; i < 100; i++) {
            assertThat(cache.shielded("r1")).isTrue();
            assertThat(cache.shielded("r2")).isFalse();
        }
        assertThat(counting.calls.get()).as("ledger reads after the first lookups").isEqualTo(reads);
        assertThat(cache.lookup("r1").summary("r1")).containsEntry("shieldId", "S-1").containsEntry("cause", "REPAIR")
                .containsEntry("shieldRecordId", "s-S-1").containsEntry("shieldedAt", AT);
        assertThat(cache.lookup("r2").summary("r2")).containsOnlyKeys("targetRecordId", "shielded")
                .containsEntry("shielded", false);
    }

    @Test
    void aShieldAppliedAfterANoneWasCachedWins() {
        ShieldCache cache = new ShieldCache(member, ledger);
        assertThat(cache.shielded("r2")).isFalse();

        cache.applied(ledger.applyShield(shield("S-2", "r2")));

        assertThat(cache.shielded("r2")).isTrue();
        assertThat(cache.lookup("r2").shieldId()).isEqualTo("S-2");
    }

    @Test
    void aMarkReadFromTheLedgerNeverOverwritesAShield() {
        ShieldCache cache = new ShieldCache(member, ledger);
        // the put of the shield came first; a lookup that read the ledger before the commit must not undo it
        cache.applied(shield("S-3", "r2"));
        assertThat(member.<String, String>getMap(ShieldCache.MAP).putIfAbsent("r2", ShieldMark.NONE.encode())).isNotNull();
        assertThat(cache.shielded("r2")).isTrue();
    }

    @Test
    void theGuardSuppressesFromTheCacheAndAnEmptyMemberReloadsFromTheLedger() {
        ShieldCache cache = new ShieldCache(member, ledger);
        ledger.applyShield(shield("S-4", "r1"));
        assertThat(cache.shielded("r1")).isTrue();

        // a new member (a restart) holds nothing: the ledger still knows
        Hazelcast.shutdownAll();
        member = Hazelcast.newHazelcastInstance(shippedConfig());
        ShieldCache fresh = new ShieldCache(member, ledger);
        assertThat(fresh.size()).isZero();
        assertThat(fresh.shielded("r1")).isTrue();
        assertThat(fresh.shielded("r2")).isFalse();
        assertThat(fresh.size()).isEqualTo(2);

        org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext();
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
        exchange.getMessage().setHeader(org.creditgate.spi.GatewayHeaders.RECORD_ID, "r1");
        exchange.getMessage().setHeader(org.creditgate.spi.GatewayHeaders.VERSION, 1);
        exchange.getMessage().setHeader(org.creditgate.spi.GatewayHeaders.DATASET, "PENALTY");
        new ShieldGuard("province", ledger, java.time.Clock.systemUTC(), fresh).check(exchange);
        assertThat(exchange.getProperty(ShieldGuard.SUPPRESSED, Boolean.class)).isTrue();
        exchange.getMessage().setHeader(org.creditgate.spi.GatewayHeaders.RECORD_ID, "r2");
        new ShieldGuard("province", ledger, java.time.Clock.systemUTC(), fresh).check(exchange);
        assertThat(exchange.getProperty(ShieldGuard.SUPPRESSED, Boolean.class)).isFalse();
    }

    @Test
    void aShieldAppliedOnOneMemberReachesTheOthersNearCache() {
        Config config = shippedConfig();
        HazelcastInstance other = Hazelcast.newHazelcastInstance(config.setClusterName(
                member.getConfig().getClusterName()));
        await().atMost(Duration.ofSeconds(30)).until(() -> member.getCluster().getMembers().size() == 2);
        ShieldCache here = new ShieldCache(member, ledger);
        ShieldCache there = new ShieldCache(other, ledger);
        for (int i = 0; i < 3; i++) {
            // the 1st reads the ledger, the 2nd the map (and keeps the mark near), the 3rd only the near cache
            assertThat(there.shielded("r1")).isFalse();
            assertThat(there.shielded("r2")).isFalse();
        }
        assertThat(other.getMap(ShieldCache.MAP).getLocalMapStats().getNearCacheStats().getHits())
                .as("third lookups answered by the near cache").isEqualTo(2);

        here.applied(ledger.applyShield(shield("S-5", "r2")));

        await().atMost(Duration.ofSeconds(2)).until(() -> there.shielded("r2"));
        assertThat(there.shielded("r1")).isFalse();
    }

    /** The shipped member configuration, on its own cluster name and port so that parallel builds never join. */
    static Config shippedConfig() {
        try {
            Config config = new FileSystemXmlConfig(Path.of("../../config/hazelcast.xml").toFile());
            config.setClusterName("shield-cache-test-" + UUID.randomUUID());
            config.getNetworkConfig().setPort(5950);
            return config;
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordVersion version(String id) {
        return new RecordVersion(id, 1, "ADD", "PENALTY", "scjgj", "k-" + id, "S:" + id, "h-" + id, "{}", "[]", AT,
                RecordState.VALIDATED);
    }

    private static ShieldEntry shield(String shieldId, String target) {
        return new ShieldEntry(shieldId, "s-" + shieldId, target, "PENALTY", "REPAIR", null, null, "scjgj", AT);
    }

    /** Counts the ledger reads the cache makes. */
    private static final class CountingLedger {
        final AtomicInteger calls = new AtomicInteger();
        private final Ledger target;

        CountingLedger(Ledger target) {
            this.target = target;
        }

        Ledger proxy() {
            return (Ledger) java.lang.reflect.Proxy.newProxyInstance(Ledger.class.getClassLoader(),
                    new Class<?>[] {Ledger.class}, (p, m, args) -> {
                        calls.incrementAndGet();
                        try {
                            return m.invoke(target, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
