package org.creditgate.connector.file.drop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.file.drop.RowOutcome.Issue;
import org.creditgate.connector.file.layout.Layout;
import org.creditgate.connector.file.read.SourceRow;
import org.creditgate.connector.file.read.SourceRow.CellProblem;
import org.creditgate.connector.file.read.Table;
import org.creditgate.model.validation.ValidationIssue;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.spi.mapping.FieldMapping;

/**
 * Maps the rows of a table to records and ingests them in batches, collecting one outcome per row. Rows with an
 * unreadable mapped cell are rejected here and never sent. Each record carries {@code <file>#<row>} in the
 * source-ref field, so a rejection kept by the gateway points back to its row.
 */
final class RowIngestor {

    private final ConnectorContext context;
    private final int batchSize;
    private final String sourceRefField;

    RowIngestor(ConnectorContext context, int batchSize, String sourceRefField) {
        this.context = context;
        this.batchSize = batchSize;
        this.sourceRefField = sourceRefField;
    }

    private record Pending(int position, JsonNode record) {
    }

    /**
     * @throws IngestException when the core cannot take a batch: rows of earlier batches are ingested, the caller
     *                         leaves the file in place and the retry answers them ALREADY_ACCEPTED
     */
    List<RowOutcome> ingest(String fileName, Layout layout, Table table) {
        FieldMapping mapping = layout.mapping();
        Set<String> mapped = mapping.columns();
        RowOutcome[] outcomes = new RowOutcome[table.rows().size()];
        List<Pending> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < outcomes.length; i++) {
            SourceRow row = table.rows().get(i);
            List<Issue> problems = problems(table, row, layout, mapping.isIdentity() ? null : mapped);
            if (!problems.isEmpty()) {
                outcomes[i] = new RowOutcome(row.number(), IngestStatus.REJECTED, null, 0, problems, List.of());
                continue;
            }
            ObjectNode record = mapping.apply(table.values(row));
            record.put(sourceRefField, fileName + "#" + row.number());
            batch.add(new Pending(i, record));
            if (batch.size() == batchSize) {
                send(batch, table, layout, outcomes);
            }
        }
        if (!batch.isEmpty()) {
            send(batch, table, layout, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    private void send(List<Pending> batch, Table table, Layout layout, RowOutcome[] outcomes) {
        IngestResult result = context.ingest(batch.stream().map(Pending::record).toList());
        if (result.results().size() != batch.size()) {
            throw new IllegalStateException("ingest answered " + result.results().size() + " results for "
                    + batch.size() + " records");
        }
        for (RecordResult r : result.results()) {
            int position = batch.get(r.index()).position();
            outcomes[position] = new RowOutcome(table.rows().get(position).number(), r.status(), r.recordId(),
                    r.version(), issues(r.errors(), layout), issues(r.warnings(), layout));
        }
        batch.clear();
    }

    /** Unreadable cells in the columns the layout reads (every column for an identity mapping). */
    private static List<Issue> problems(Table table, SourceRow row, Layout layout, Set<String> mapped) {
        List<Issue> out = new ArrayList<>();
        for (CellProblem p : row.problems()) {
            String column = p.column() < table.header().size() ? table.header().get(p.column()) : "";
            if (mapped == null ? !column.isEmpty() : mapped.contains(column)) {
                out.add(new Issue(p.code(), fieldOf(layout, column), column, p.message()));
            }
        }
        return out;
    }

    private static String fieldOf(Layout layout, String column) {
        return layout.fieldToColumn().entrySet().stream().filter(e -> e.getValue().equals(column))
                .map(e -> e.getKey().replace("[]", "")).findFirst().orElse(column);
    }

    private static List<Issue> issues(List<ValidationIssue> issues, Layout layout) {
        return issues.stream().map(i -> new Issue(i.code(), i.field(), layout.columnOf(i.field()), i.message()))
                .toList();
    }
}
