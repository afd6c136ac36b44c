package org.creditgate.core.ingest;

import org.creditgate.spi.ingest.IngestException;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.spi.ingest.IngestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.Rejection;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.RecordIds;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.validation.HeadView;
import org.creditgate.model.validation.IngestDecision;
import org.creditgate.model.validation.LifecycleRules;
import org.creditgate.model.validation.ValidationIssue;
import org.creditgate.model.validation.ValidationOutcome;

/** The working state of one push: the answer per record, and what must be stored and delivered. */
final class Batch {

    /** Keys whose value identifies a rejected record to its sender, most specific first. */
    private static final List<String> SENDER_REF_KEYS = List.of("CF_WSH", "XK_WSH", "decisionDocNo", "caseNo",
            "code", "recordId", "repairId", "objectionId", "shieldId", "sourceRef");
    private static final int MAX_DECISIONS = 3;

    /** What the ledger holds for a record; {@code resend} is set when it was stored but never confirmed queued. */
    record KnownHead(HeadView view, RecordVersion resend) {
    }

    private record Pending(int index, JsonNode item, ValidationOutcome outcome, String hash, RecordVersion version) {
    }

    private final String department;
    private final Instant receivedAt;
    private final RecordResult[] results;
    private final List<Pending> fresh = new ArrayList<>();
    private final List<RecordVersion> resend = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Rejection> lateRejections = new ArrayList<>();
    private final Map<String, HeadView> planned = new HashMap<>();

    Batch(String department, Instant receivedAt, int size) {
        this.department = department;
        this.receivedAt = receivedAt;
        this.results = new RecordResult[size];
    }

    String department() {
        return department;
    }

    static String recordIdOf(CreditRecord record) {
        String given = record.meta() == null ? null : record.meta().recordId();
        return given != null && !given.isBlank() ? given : RecordIds.forBusinessKey(record.dataset(), record.businessKey());
    }

    HeadView plannedHead(String recordId) {
        return planned.get(recordId);
    }

    /** The latest version of a record stored by this very batch, if any. */
    Optional<RecordVersion> plannedVersion(String recordId) {
        for (int i = fresh.size() - 1; i >= 0; i--) {
            if (fresh.get(i).version().recordId().equals(recordId)) {
                return Optional.of(fresh.get(i).version());
            }
        }
        return Optional.empty();
    }

    void decide(int index, JsonNode item, ValidationOutcome outcome, Optional<KnownHead> head) {
        CreditRecord record = outcome.record();
        String hash = CanonicalJson.contentHash(record);
        IngestDecision decision = LifecycleRules.decide(record, hash, head.map(KnownHead::view));
        String dataset = record.dataset().name();
        switch (decision.kind()) {
            case NEW, NEW_VERSION -> {
                RecordVersion version = newVersion(record, hash, decision.version(), outcome.warnings());
                fresh.add(new Pending(index, item, outcome, hash, version));
                planned.put(version.recordId(), new HeadView(version.recordId(), version.version(), hash, false));
                results[index] = RecordResult.accepted(index, dataset, version.recordId(), version.version(),
                        outcome.warnings());
            }
            case ALREADY_ACCEPTED -> {
                HeadView current = head.orElseThrow().view();
                RecordVersion unconfirmed = head.get().resend();
                if (unconfirmed != null && resend.stream().noneMatch(v -> v.ref().equals(unconfirmed.ref()))) {
                    resend.add(unconfirmed);
                }
                results[index] = RecordResult.alreadyAccepted(index, dataset, current.recordId(),
                        current.currentVersion(), outcome.warnings());
            }
            case REJECT -> rejectValid(index, item, outcome, decision.issue(), rejections);
        }
    }

    void reject(int index, JsonNode item, String dataset, List<ValidationIssue> errors, List<ValidationIssue> warnings) {
        rejections.add(new Rejection(null, department, receivedAt, dataset, senderRef(item), item.toString(),
                toJson(errors)));
        results[index] = RecordResult.rejected(index, dataset, errors, warnings);
    }

    /**
     * What {@code tryAccept} answers when the conflict is not on the record id but on the business key: another
     * record id already holds this key (a sender-given recordId that is not the stored record's).
     */
    static final HeadView KEY_HELD_BY_ANOTHER_ID = new HeadView("", 0, "", false);

    /**
     * After a lost race: stores the pending versions one at a time. {@code tryAccept} returns null when stored,
     * the winner's head, against which the record is decided again, or {@link #KEY_HELD_BY_ANOTHER_ID}.
     */
    void retryOneByOne(Function<RecordVersion, HeadView> tryAccept) {
        for (Iterator<Pending> it = fresh.iterator(); it.hasNext();) {
            Pending p = it.next();
            RecordVersion candidate = p.version();
            for (int attempt = 1;; attempt++) {
                HeadView winner = tryAccept.apply(candidate);
                if (winner == null) {
                    break;
                }
                CreditRecord record = p.outcome().record();
                if (winner == KEY_HELD_BY_ANOTHER_ID) {
                    rejectValid(p.index(), p.item(), p.outcome(), new ValidationIssue("E_DUPLICATE", "recordId",
                            "a record with this business key is already stored under another recordId than "
                                    + candidate.recordId() + "; send changes with the gateway's recordId of that "
                                    + "record, or without recordId"), lateRejections);
                    it.remove();
                    break;
                }
                IngestDecision again = LifecycleRules.decide(record, p.hash(), Optional.of(winner));
                if (again.kind() == IngestDecision.Kind.ALREADY_ACCEPTED) {
                    results[p.index()] = RecordResult.alreadyAccepted(p.index(), record.dataset().name(),
                            winner.recordId(), winner.currentVersion(), p.outcome().warnings());
                    it.remove();
                    break;
                }
                if (again.kind() == IngestDecision.Kind.REJECT) {
                    rejectValid(p.index(), p.item(), p.outcome(), again.issue(), lateRejections);
                    it.remove();
                    break;
                }
                if (attempt == MAX_DECISIONS) {
                    throw IngestException.unavailable("record " + candidate.recordId() + " is being changed by "
                            + "concurrent requests; resend it", null);
                }
                candidate = newVersion(record, p.hash(), again.version(), p.outcome().warnings());
                results[p.index()] = RecordResult.accepted(p.index(), record.dataset().name(), candidate.recordId(),
                        candidate.version(), p.outcome().warnings());
            }
        }
    }

    List<RecordVersion> fresh() {
        return fresh.stream().map(Pending::version).toList();
    }

    List<Rejection> rejections() {
        return rejections;
    }

    List<Rejection> lateRejections() {
        return lateRejections;
    }

    List<RecordVersion> toDeliver() {
        List<RecordVersion> all = new ArrayList<>(fresh());
        all.addAll(resend);
        return all;
    }

    IngestResult result() {
        return new IngestResult(Arrays.asList(results));
    }

    private RecordVersion newVersion(CreditRecord record, String hash, int version, List<ValidationIssue> warnings) {
        String recordId = recordIdOf(record);
        CreditRecord stored = record.withMeta(new RecordMeta(recordId, version, record.meta().op()));
        return new RecordVersion(recordId, version, record.meta().op().name(), record.dataset().name(), department,
                record.businessKey(), record.subjectKey(), hash, CanonicalJson.write(stored), toJson(warnings),
                receivedAt, RecordState.VALIDATED);
    }

    private void rejectValid(int index, JsonNode item, ValidationOutcome outcome, ValidationIssue issue,
            List<Rejection> sink) {
        CreditRecord record = outcome.record();
        List<ValidationIssue> errors = List.of(issue);
        sink.add(new Rejection(null, department, receivedAt, record.dataset().name(), senderRef(item), item.toString(),
                toJson(errors)));
        results[index] = RecordResult.rejected(index, record.dataset().name(), errors, outcome.warnings());
    }

    private static String senderRef(JsonNode item) {
        for (String key : SENDER_REF_KEYS) {
            JsonNode v = item.get(key);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return storable(v.asText().length() > 200 ? v.asText().substring(0, 200) : v.asText());
            }
        }
        return null;
    }

    /**
     * The reference as a column can hold it: a rejected record may carry control characters (PostgreSQL refuses
     * NUL in text) or half a surrogate pair; those become U+FFFD. The payload column keeps the exact input as JSON.
     */
    static String storable(String ref) {
        StringBuilder b = new StringBuilder(ref.length());
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < ref.length() && Character.isLowSurrogate(ref.charAt(i + 1))) {
                b.append(c).append(ref.charAt(++i));
            } else {
                b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String toJson(List<ValidationIssue> issues) {
        try {
            return CanonicalJson.mapper().writeValueAsString(issues);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validation issues are plain strings and always serialise", e);
        }
    }
}
