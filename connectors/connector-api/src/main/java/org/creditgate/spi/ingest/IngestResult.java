package org.creditgate.spi.ingest;

import java.util.List;

/** The answer to one push: one {@link RecordResult} per record, in request order, plus the counts. */
public record IngestResult(List<RecordResult> results) {

    public long count(IngestStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
