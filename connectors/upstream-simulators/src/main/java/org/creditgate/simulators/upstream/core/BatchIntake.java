package org.creditgate.simulators.upstream.core;

import org.creditgate.model.crypto.BodyDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * What every upstream does with a received message, in one place: batch checks (count, digest), per-record checks
 * (required members, op, stale version, unknown record, reject rules, the upstream's own checks), storing or
 * dropping, and the receipt. Keeps every receipt by msgId and the last result per record for status queries.
 * One message is processed at a time, so holdings and receipts always agree.
 */
public final class BatchIntake {

    public static final String E_COUNT = "E_COUNT";
    public static final String E_DIGEST = "E_DIGEST";
    public static final String E_UNKNOWN_RECORD = "E_UNKNOWN_RECORD";
    public static final String E_STALE_VERSION = "E_STALE_VERSION";
    private static final Set<String> OPS = Set.of("ADD", "UPDATE", "DELETE");

    private final String upstream;
    private final UpstreamStore store;
    private final Misbehaviour misbehaviour;
    private final Map<String, Receipt> receipts = new LinkedHashMap<>();
    private final Map<String, RecordResult> lastResults = new LinkedHashMap<>();
    private final List<BiFunction<EnvelopeHeader, BodyItem, Optional<RecordError>>> checks =
            new CopyOnWriteArrayList<>();
    private final List<Runnable> clearHooks = new CopyOnWriteArrayList<>();
    private volatile boolean requireKnownRecord = true;

    public BatchIntake(String upstream, UpstreamStore store, Misbehaviour misbehaviour) {
        this.upstream = upstream;
        this.store = store;
        this.misbehaviour = misbehaviour;
    }

    /** An upstream-specific record check (e.g. creditchina's "publishable only"). */
    public BatchIntake check(BiFunction<EnvelopeHeader, BodyItem, Optional<RecordError>> check) {
        checks.add(check);
        return this;
    }

    /** Also run by {@link #clear()}: the upstream's own state (receipt feed, raw payloads). */
    public BatchIntake onClear(Runnable hook) {
        clearHooks.add(hook);
        return this;
    }

    /** Whether UPDATE/DELETE/SHIELD for a record not held is rejected {@code E_UNKNOWN_RECORD} (default true). */
    public BatchIntake requireKnownRecord(boolean on) {
        requireKnownRecord = on;
        return this;
    }

    /** A JSON envelope: the digest is checked against {@link BodyDigest} of the received body. */
    public Receipt process(Envelope env) {
        String header = env.header().digest();
        boolean ok = header != null && header.equalsIgnoreCase(BodyDigest.of(env.rawBody()));
        return process(env, ok);
    }

    /** A message whose digest the caller has checked (gsxt: the manifest's SM3 of the data file). */
    public synchronized Receipt process(Envelope env, boolean digestOk) {
        Instant now = misbehaviour.now();
        EnvelopeHeader h = env.header();
        List<RecordError> batchErrors = new ArrayList<>();
        if (env.body().size() != h.recordCount()) {
            batchErrors.add(new RecordError(E_COUNT, "header.recordCount", "recordCount " + h.recordCount() + " but "
                    + env.body().size() + " items received"));
        }
        if (!digestOk) {
            batchErrors.add(new RecordError(E_DIGEST, "header.digest", "digest does not match the SM3 of the body"));
        }
        List<RecordResult> results = new ArrayList<>();
        for (BodyItem item : env.body()) {
            List<RecordError> errors = batchErrors.isEmpty() ? recordErrors(h, item) : batchErrors;
            if (errors.isEmpty()) {
                if (misbehaviour.drops(item)) {
                    store.drop(h, item, now);
                } else {
                    store.add(h, item, now);
                }
            }
            RecordResult r = new RecordResult(item.recordId(), item.version(),
                    errors.isEmpty() ? RecordResult.ACCEPTED : RecordResult.REJECTED, errors);
            results.add(r);
            lastResults.put(h.msgType() + ":" + item.key(), r);
        }
        Receipt receipt = Receipt.of(h.msgId(), upstream, now.toString(), batchErrors, results);
        receipts.put(h.msgId(), receipt);
        return receipt;
    }

    /** A receipt for a message that could not be read as an envelope at all. */
    public synchronized Receipt refuse(String msgId, RecordError error) {
        Receipt receipt = Receipt.of(msgId, upstream, misbehaviour.now().toString(), List.of(error), List.of());
        receipts.put(msgId, receipt);
        return receipt;
    }

    private List<RecordError> recordErrors(EnvelopeHeader h, BodyItem item) {
        List<RecordError> errors = new ArrayList<>();
        if (item.recordId() == null || item.recordId().isBlank()) {
            errors.add(new RecordError("E_REQUIRED", "recordId", "recordId missing"));
            return errors;
        }
        if (item.version() < 1) {
            errors.add(new RecordError("E_FORMAT", "version", "version must be an integer >= 1"));
        }
        if (h.shield()) {
            if (item.cause() == null || item.cause().isBlank()) {
                errors.add(new RecordError("E_REQUIRED", "cause", "a SHIELD item needs a cause"));
            }
        } else if (item.op() == null || !OPS.contains(item.op())) {
            errors.add(new RecordError("E_ENUM", "op", "op must be ADD, UPDATE or DELETE: " + item.op()));
        }
        misbehaviour.rejection(h.dataset(), h.msgType(), item).ifPresent(errors::add);
        checks.forEach(c -> c.apply(h, item).ifPresent(errors::add));
        Optional<Holding> held = store.holding(item.recordId());
        boolean needsKnown = h.shield() || !"ADD".equals(item.op());
        if (requireKnownRecord && needsKnown && held.isEmpty()) {
            errors.add(new RecordError(E_UNKNOWN_RECORD, "recordId", "no record " + item.recordId() + " held"));
        }
        if (!h.shield() && held.isPresent() && !held.get().phantom() && item.version() < held.get().version()) {
            errors.add(new RecordError(E_STALE_VERSION, "version", "version " + item.version() + " is older than "
                    + "the version held (" + held.get().version() + ")"));
        }
        return errors;
    }

    public synchronized Optional<Receipt> receipt(String msgId) {
        return Optional.ofNullable(receipts.get(msgId));
    }

    /** Every receipt, in order of the messages' first arrival. */
    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts.values());
    }

    /** The answer to "what do you have of recordId+version" (msgType DATA, or SHIELD when {@code shield}). */
    public synchronized Map<String, Object> recordStatus(String recordId, int version, boolean shield) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upstream", upstream);
        m.put("recordId", recordId);
        m.put("version", version);
        RecordResult last = lastResults.get((shield ? EnvelopeHeader.SHIELD : EnvelopeHeader.DATA) + ":" + recordId
                + ":" + version);
        m.put("known", last != null);
        m.put("timesReceived", store.timesReceived(recordId, version));
        if (last != null) {
            m.put("lastResult", last);
        }
        Optional<Holding> h = store.holding(recordId);
        m.put("held", h.map(x -> x.version() == version).orElse(false));
        h.ifPresent(x -> m.put("holding", x));
        return m;
    }

    /** Every holding (of one dataset when {@code dataset} is given), for reconciliation. */
    public Map<String, Object> holdingsReport(String dataset) {
        List<Holding> list = store.holdings().values().stream()
                .filter(x -> dataset == null || dataset.equals(x.dataset())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upstream", upstream);
        m.put("generatedAt", misbehaviour.now().toString());
        m.put("count", list.size());
        m.put("holdings", list);
        return m;
    }

    public synchronized void clear() {
        receipts.clear();
        lastResults.clear();
        store.clear();
        clearHooks.forEach(Runnable::run);
    }

    public String upstream() {
        return upstream;
    }

    public UpstreamStore store() {
        return store;
    }

    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }
}
