package org.creditgate.simulators.upstream.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything one upstream received, thread-safe (one lock; simulators are not hot paths). DATA items and SHIELD
 * items are kept in separate lists; duplicates (same msgType + recordId + version again) are stored too and
 * counted; holdings keep the latest version per recordId. Dropped items (accepted but not held) are kept apart.
 */
public final class UpstreamStore {

    /** Payload members that identify the subject, in order of preference (national codes end with these). */
    private static final List<String> SUBJECT_SUFFIXES = List.of("_XDR_SHXYM", "_XDR_ZJHM", "uscc", "idNo");

    private final Object lock = new Object();
    private final List<StoredItem> data = new ArrayList<>();
    private final List<StoredItem> shields = new ArrayList<>();
    private final List<StoredItem> dropped = new ArrayList<>();
    private final Map<String, Integer> timesReceived = new HashMap<>();
    private final Map<String, Holding> holdings = new TreeMap<>();
    private final Map<String, String> subjectOfRecord = new HashMap<>();
    private long seq;

    /** Stores an accepted item; returns it with its seq and duplicate flag. */
    public StoredItem add(EnvelopeHeader header, BodyItem item, Instant receivedAt) {
        synchronized (lock) {
            StoredItem stored = newItem(header, item, receivedAt);
            (header.shield() ? shields : data).add(stored);
            Holding h = holdings.get(item.recordId());
            if (header.shield()) {
                Holding base = h != null ? h : new Holding(item.recordId(), header.dataset(), item.version(), null,
                        false, false, null, null, receivedAt, false);
                holdings.put(item.recordId(), base.shield(item.cause(), receivedAt));
            } else if (h == null) {
                holdings.put(item.recordId(), new Holding(item.recordId(), header.dataset(), item.version(),
                        item.op(), "DELETE".equals(item.op()), false, null, null, receivedAt, false));
            } else if (item.version() > h.version() || h.phantom()) {
                holdings.put(item.recordId(), h.withVersion(item.version(), item.op(), receivedAt));
            }
            return stored;
        }
    }

    /** Records an item that was acknowledged but deliberately not held. */
    public StoredItem drop(EnvelopeHeader header, BodyItem item, Instant receivedAt) {
        synchronized (lock) {
            StoredItem stored = newItem(header, item, receivedAt);
            dropped.add(stored);
            return stored;
        }
    }

    /** A holding for a record this upstream never received. */
    public void addPhantom(String recordId, int version, String dataset, Instant at) {
        synchronized (lock) {
            holdings.put(recordId, new Holding(recordId, dataset, version, "ADD", false, false, null, null, at, true));
        }
    }

    private StoredItem newItem(EnvelopeHeader header, BodyItem item, Instant receivedAt) {
        String countKey = header.msgType() + ":" + item.key();
        int before = timesReceived.merge(countKey, 1, Integer::sum) - 1;
        // a SHIELD names the record, not the subject: it belongs to the subject of the record it shields
        String subject = subjectKey(item.data());
        if (subject != null) {
            subjectOfRecord.put(item.recordId(), subject);
        } else {
            subject = subjectOfRecord.get(item.recordId());
        }
        return new StoredItem(++seq, header.msgId(), header.msgType(), header.dataset(), item.recordId(),
                item.version(), item.op(), item.cause(), item.data(), subject, receivedAt, before > 0);
    }

    /** Every DATA item received and held, duplicates included, in order of arrival. */
    public List<StoredItem> data() {
        synchronized (lock) {
            return List.copyOf(data);
        }
    }

    /** Every SHIELD item received, in order of arrival. */
    public List<StoredItem> shields() {
        synchronized (lock) {
            return List.copyOf(shields);
        }
    }

    /** Items acknowledged but not held (misbehaviour "drop"). */
    public List<StoredItem> dropped() {
        synchronized (lock) {
            return List.copyOf(dropped);
        }
    }

    /** How often this DATA recordId+version arrived (dropped arrivals included). */
    public int timesReceived(String recordId, int version) {
        synchronized (lock) {
            return timesReceived.getOrDefault(EnvelopeHeader.DATA + ":" + recordId + ":" + version, 0);
        }
    }

    /** Extra arrivals per {@code msgType:recordId:version} (only keys that arrived more than once). */
    public Map<String, Integer> duplicates() {
        synchronized (lock) {
            Map<String, Integer> out = new TreeMap<>();
            timesReceived.forEach((k, n) -> {
                if (n > 1) {
                    out.put(k, n - 1);
                }
            });
            return out;
        }
    }

    /** Total extra arrivals: the sum of {@link #duplicates()}. */
    public int duplicateCount() {
        return duplicates().values().stream().mapToInt(Integer::intValue).sum();
    }

    public Optional<Holding> holding(String recordId) {
        synchronized (lock) {
            return Optional.ofNullable(holdings.get(recordId));
        }
    }

    /** recordId → holding, sorted by recordId. */
    public Map<String, Holding> holdings() {
        synchronized (lock) {
            return new LinkedHashMap<>(holdings);
        }
    }

    /** Whether the latest version held for the record is this one (withdrawn and shielded holdings included). */
    public boolean holds(String recordId, int version) {
        synchronized (lock) {
            Holding h = holdings.get(recordId);
            return h != null && h.version() == version;
        }
    }

    /** DATA and SHIELD items of one subject (USCC or ID number) in order of arrival. */
    public List<StoredItem> arrivalsOf(String subjectKey) {
        synchronized (lock) {
            List<StoredItem> all = new ArrayList<>(data);
            all.addAll(shields);
            all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            return all.stream().filter(i -> subjectKey.equals(i.subjectKey())).toList();
        }
    }

    public void clear() {
        synchronized (lock) {
            data.clear();
            shields.clear();
            dropped.clear();
            timesReceived.clear();
            holdings.clear();
            subjectOfRecord.clear();
            seq = 0;
        }
    }

    /** The subject's USCC or ID number from the payload, or null. */
    static String subjectKey(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        for (String suffix : SUBJECT_SUFFIXES) {
            for (var it = payload.fields(); it.hasNext();) {
                var e = it.next();
                if (e.getKey().endsWith(suffix) && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                    return e.getValue().asText();
                }
            }
        }
        return null;
    }
}
