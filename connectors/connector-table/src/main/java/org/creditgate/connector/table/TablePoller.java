package org.creditgate.connector.table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the exchange table: read a page after the watermark, ingest it, write the outcome back, and only then
 * advance the watermark (at-least-once; ingest is idempotent, so a page read twice stores nothing twice). Any failure
 * leaves the watermark where it was and the page is read again at the next poll. A Camel service: the route starts
 * it and, after the in-flight page finished, stops it, which closes the pool.
 */
final class TablePoller extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TablePoller.class);

    private final TablePollSettings settings;
    private final ConnectorContext context;
    private final TableDataSource dataSource;
    private final RowReader reader;
    private final StatusWriter writer;
    private final RowTranslator translator;
    private final String id;
    private boolean sourceDown;

    TablePoller(TablePollSettings settings, ConnectorContext context) {
        this.settings = settings;
        this.context = context;
        this.id = context.descriptor().id();
        this.dataSource = new TableDataSource(settings, "creditgate-" + id);
        ExchangeTableSql sql = new ExchangeTableSql(settings);
        this.reader = new RowReader(settings, sql);
        this.writer = new StatusWriter(settings, sql);
        this.translator = new RowTranslator(settings);
    }

    /** Polls one page; a full page tells the scheduler (greedy) to poll again at once instead of after the period. */
    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, pollPage() == settings.pageSize());
    }

    /** Processes the next page; returns the number of rows fully processed (0 when nothing was, or on failure). */
    int pollPage() {
        Optional<TableWatermark> from = TableWatermark.parse(context.watermark().get());
        List<SourceRow> rows;
        try {
            rows = reader.page(dataSource.get(), from);
        } catch (SQLException e) {
            sourceDown(e);
            return 0;
        }
        sourceUp();
        if (rows.isEmpty()) {
            return 0;
        }
        List<OutgoingRow> sent = rows.stream().map(translator::toRecord).toList();
        Optional<IngestResult> result = ingest(sent);
        if (result.isEmpty()) {
            return 0;
        }
        return writeBackAndAdvance(sent, result.get()) ? rows.size() : 0;
    }

    private Optional<IngestResult> ingest(List<OutgoingRow> sent) {
        List<JsonNode> records = new ArrayList<>(sent.size());
        sent.forEach(r -> records.add(r.record()));
        try {
            return Optional.of(context.ingest(records));
        } catch (IngestException e) {
            LOG.warn("{}: the gateway cannot take {} rows now ({} {}); watermark kept, retrying next poll", id,
                    records.size(), e.code(), e.getMessage());
            return Optional.empty();
        }
    }

    private boolean writeBackAndAdvance(List<OutgoingRow> sent, IngestResult result) {
        List<RowOutcome> outcomes = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            outcomes.add(translator.outcome(sent.get(i), result.results().get(i)));
        }
        try {
            writer.write(dataSource.get(), outcomes, context.clock().instant());
        } catch (SQLException e) {
            // ingested but not written back: the page is read and ingested again (ALREADY_ACCEPTED), then written
            sourceDown(e);
            return false;
        }
        SourceRow last = sent.get(sent.size() - 1).row();
        context.watermark().set(last.watermark().format());
        context.sourceTime(last.updatedAt().toInstant());
        LOG.debug("{}: {} rows processed up to {}", id, sent.size(), last.watermark());
        return true;
    }

    /** One line per outage at WARN (then DEBUG until it is back), never a stack trace every period. */
    private void sourceDown(SQLException e) {
        String why = e.getMessage() + (e.getCause() != null && e.getCause() != e ? " (" + e.getCause().getMessage()
                + ")" : "");
        if (!sourceDown) {
            LOG.warn("{}: exchange table {} unreachable: {}; retrying every {}", id, settings.table(), why,
                    settings.period());
        } else {
            LOG.debug("{}: exchange table still unreachable: {}", id, why);
        }
        sourceDown = true;
    }

    private void sourceUp() {
        if (sourceDown) {
            LOG.info("{}: exchange table {} reachable again", id, settings.table());
            sourceDown = false;
        }
    }

    @Override
    protected void doStop() {
        dataSource.close();
    }
}
