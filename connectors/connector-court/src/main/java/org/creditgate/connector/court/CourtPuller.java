package org.creditgate.connector.court;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.creditgate.connector.court.CourtTranslator.Translation;
import org.creditgate.connector.court.ws.ExecuteeChange;
import org.creditgate.connector.court.ws.QueryChangesResponse;
import org.creditgate.model.validation.ValidationIssue;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll: reads the court's changes after the watermark page by page and hands each page to ingest, advancing
 * the watermark only after ingest returned for the page (at-least-once; a re-read is answered ALREADY_ACCEPTED).
 * Any failure leaves the watermark where it was and propagates, for the route to log in one line.
 *
 * <p>A Camel service: the route starts it (creating the SOAP client) and stops it (closing the client).
 */
final class CourtPuller extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CourtPuller.class);

    private final Supplier<CourtSource> sources;
    private final CourtTranslator translator;
    private final ConnectorContext context;
    private final int pageSize;
    private final String id;
    private volatile CourtSource source;

    CourtPuller(Supplier<CourtSource> sources, CourtTranslator translator, ConnectorContext context, int pageSize) {
        this.sources = sources;
        this.translator = translator;
        this.context = context;
        this.pageSize = pageSize;
        this.id = context.descriptor().id();
    }

    @Override
    protected void doStart() {
        source = sources.get();
    }

    @Override
    protected void doStop() {
        CourtSource s = source;
        source = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void process(Exchange exchange) {
        // pages until the court has no more; a context shutting down ends the poll after the current page
        while (pullPage() && !exchange.getContext().isStopping()) {
            LOG.debug("{}: more changes waiting, reading the next page", id);
        }
    }

    /** Reads, ingests and acknowledges one page; true when the court says more pages follow. */
    boolean pullPage() {
        long after = watermark();
        QueryChangesResponse page = source.page(after, pageSize);
        List<ExecuteeChange> changes = page.getChanges();
        if (changes.isEmpty()) {
            return false;
        }
        if (changes.size() > pageSize) {
            // a court ignoring maxRows would otherwise hand ingest more than one call may take (413 every poll)
            throw new CourtPullException("court returned " + changes.size() + " changes for a page of " + pageSize
                    + " (it ignores maxRows); page refused");
        }
        if (changes.get(0).getSeq() <= after) {
            // a court ignoring afterSeq would otherwise be re-read forever within one poll
            throw new CourtPullException("court returned change seq " + changes.get(0).getSeq()
                    + ", not after the watermark " + after);
        }
        Translation translation = translator.translate(changes);
        if (!translation.records().isEmpty()) {
            report(translation, context.ingest(translation.records()));
        }
        translation.undeliverable().forEach(c -> LOG.warn("{}: court deleted {} of {}, but its data is no valid "
                + "executee record, so the gateway never accepted it: nothing to shield", id, c.getCaseCode(),
                c.getCourtName()));
        long last = changes.get(changes.size() - 1).getSeq();
        context.watermark().set(Long.toString(last));
        newest(changes).ifPresent(context::sourceTime);
        LOG.info("{}: read {} court changes (seq {}..{}), watermark now {}", id, changes.size(),
                changes.get(0).getSeq(), last, last);
        return page.isHasMore();
    }

    private long watermark() {
        Optional<String> stored = context.watermark().get();
        try {
            return stored.map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new CourtPullException("watermark '" + stored.get() + "' is not a court change sequence number; "
                    + "set it to the last seq read (or rewind it to the start)");
        }
    }

    private void report(Translation translation, IngestResult result) {
        LOG.info("{}: ingest of {} records: {} accepted, {} already accepted, {} rejected", id,
                translation.records().size(), result.count(IngestStatus.ACCEPTED),
                result.count(IngestStatus.ALREADY_ACCEPTED), result.count(IngestStatus.REJECTED));
        for (RecordResult r : result.results()) {
            if (r.status() == IngestStatus.REJECTED) {
                // codes and field names only: a message may quote the value, and the value may be an ID number
                LOG.warn("{}: rejected {}: {}", id, translation.refs().get(r.index()), r.errors().stream()
                        .map(CourtPuller::codeAndField).toList());
            }
        }
    }

    private static String codeAndField(ValidationIssue issue) {
        return issue.code() + "(" + issue.field() + ")";
    }

    private static Optional<Instant> newest(List<ExecuteeChange> changes) {
        return changes.stream().map(CourtTranslator::sourceTime).flatMap(Optional::stream).max(Instant::compareTo);
    }
}
