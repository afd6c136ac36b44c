package org.creditgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.creditgate.core.delivery.ShieldLookup;
import org.creditgate.core.shield.ShieldCache;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.ledger.testing.EmbeddedPostgresServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the lanes' shield guard pays per message: "is this record shielded?" answered by the ledger (a head read, as
 * before the cache) or by the shield cache (a Hazelcast map over the ledger, the shipped etc/hazelcast.xml, one
 * member) once the mark is cached. The ledger is H2 on a file (the shipped default) or a real PostgreSQL 17 on
 * loopback (production). 20,000 records, 1 in 10 shielded; each call looks up the next record id round-robin.
 * Run from the project root (it reads config/hazelcast.xml).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ShieldLookupBenchmark {

    private static final int RECORDS = 20_000;
    private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    @Param({"h2", "postgresql"})
    public String ledgerKind;

    private EmbeddedPostgresServer postgres;
    private Path h2Dir;
    private DataSource dataSource;
    private HazelcastInstance member;
    private ShieldLookup ledgerLookup;
    private ShieldCache cache;
    private String[] ids;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url;
        if ("postgresql".equals(ledgerKind)) {
            postgres = EmbeddedPostgresServer.start();
            url = postgres.createDatabase("bench");
        } else {
            h2Dir = Files.createTempDirectory("shield-lookup");
            url = "jdbc:h2:file:" + h2Dir.resolve("ledger") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        }
        dataSource = LedgerDataSources.create(new LedgerSettings(url, postgres == null ? "sa"
                : EmbeddedPostgresServer.USER, "", 4));
        Ledger ledger = Ledgers.open(dataSource);
        ids = new String[RECORDS];
        List<RecordVersion> batch = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ids[i] = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            batch.add(new RecordVersion(ids[i], 1, "ADD", "PENALTY", "scjgj", "k" + i, "S:" + i, "h" + i, "{}", "[]",
                    AT, RecordState.VALIDATED));
            if (batch.size() == 500) {
                ledger.accept(batch);
                batch.clear();
            }
        }
        for (int i = 0; i < RECORDS; i += 10) {
            ledger.applyShield(new ShieldEntry("S-" + i, "s" + i, ids[i], "PENALTY", "REPAIR", null, null, "bench",
                    AT));
        }
        Config config = new FileSystemXmlConfig(Path.of("config/hazelcast.xml").toFile());
        config.setClusterName("shield-lookup-bench-" + UUID.randomUUID());
        member = Hazelcast.newHazelcastInstance(config);
        ledgerLookup = ShieldLookup.ledger(ledger);
        cache = new ShieldCache(member, ledger);
        for (String id : ids) {
            cache.shielded(id); // every mark cached: the steady state of a record looked up by its 2nd..4th lane
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        member.shutdown();
        LedgerDataSources.close(dataSource);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Benchmark
    public boolean ledgerHead() {
        return ledgerLookup.shielded(nextId());
    }

    @Benchmark
    public boolean shieldCacheHit() {
        return cache.shielded(nextId());
    }

    private String nextId() {
        next = next + 1 == RECORDS ? 0 : next + 1;
        return ids[next];
    }
}
