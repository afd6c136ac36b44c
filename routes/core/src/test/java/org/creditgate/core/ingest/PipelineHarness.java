package org.creditgate.core.ingest;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.creditgate.core.delivery.DurableEnqueuer;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;

/**
 * The real ingest pipeline over an in-memory H2 ledger, on the fixed business date of {@link Records#TODAY}, with
 * the broker replaced by a list of what was confirmed: for tests that check what a push stored and sent.
 */
public final class PipelineHarness implements AutoCloseable {

    public static final int MAX_BATCH = 500;

    private final DataSource dataSource;
    private final Ledger ledger;
    private final List<OutboundRecord> enqueued = new CopyOnWriteArrayList<>();
    private final IngestPipeline pipeline;

    public PipelineHarness() {
        dataSource = LedgerDataSources.create(new LedgerSettings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        ledger = Ledgers.open(dataSource);
        DurableEnqueuer enqueuer = new DurableEnqueuer() {
            @Override
            public void enqueue(List<OutboundRecord> records) {
                enqueued.addAll(records);
            }

            @Override
            public BrokerStatus status() {
                return new BrokerStatus(true, "recording");
            }
        };
        Clock clock = Clock.fixed(Records.TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
        pipeline = new IngestPipeline(new RecordValidator(), ledger, enqueuer, WorkingDayCalendar.fromClasspath(),
                clock, ZoneId.of("Asia/Shanghai"), MAX_BATCH);
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Every record version the "broker" confirmed, in order. */
    public List<OutboundRecord> enqueued() {
        return List.copyOf(enqueued);
    }

    /** Record versions in the ledger by state. */
    public Map<RecordState, Long> versions() {
        return ledger.countByState();
    }

    public long versionCount() {
        return ledger.countByState().values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejectionCount(String department) {
        return ledger.rejections(department, 0, 100_000).size();
    }

    @Override
    public void close() {
        LedgerDataSources.close(dataSource);
    }
}
