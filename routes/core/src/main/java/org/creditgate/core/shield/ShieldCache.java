package org.creditgate.core.shield;

import java.util.List;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.creditgate.core.delivery.ShieldLookup;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ShieldEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shield list as a fast lookup (屏蔽名单缓存): a Hazelcast map on the gateway's member, record id →
 * {@link ShieldMark}, read through to the ledger (which stays the truth) and written when a shield is applied. The
 * lanes' {@link org.creditgate.core.delivery.ShieldGuard} asks it before every send, the shields API for a record's
 * shield state. Size, eviction and time-to-live are the map's settings in etc/hazelcast.xml ({@value #MAP}).
 *
 * <p>Why read-through by hand and not a Hazelcast {@code MapLoader}: a loader's "no such key" is not cached, so every
 * lookup of a record without a shield — nearly all of them — would still reach the ledger; here the answer "none"
 * is cached as {@link ShieldMark#NONE}. It also keeps the map's configuration free of a loader class that would need
 * the ledger before the cluster member (a separate component) could start.
 *
 * <p>Why a "none" mark cannot hide a shield: a shield is written to the ledger first and then {@link #applied put}
 * here unconditionally, while a mark read from the ledger is only added if the map has none
 * ({@code putIfAbsent}); both are operations on the key's partition, so whichever comes second, the shielded mark
 * stays. The remaining gap — a member that dies between the ledger commit and the put — is closed by the fan-out
 * applying the shield again when it is recovered, and bounded by the map's time-to-live.
 */
public final class ShieldCache implements ShieldLookup {

    /** The map's name; its settings are in etc/hazelcast.xml. */
    public static final String MAP = "creditgate.shields";
    private static final Logger LOG = LoggerFactory.getLogger(ShieldCache.class);

    private final IMap<String, String> marks;
    private final Ledger ledger;

    public ShieldCache(HazelcastInstance hazelcast, Ledger ledger) {
        this.marks = hazelcast.getMap(MAP);
        this.ledger = ledger;
    }

    /** The record's shield state: from the map, else from the ledger (then kept in the map). */
    public ShieldMark lookup(String recordId) {
        String mark = marks.get(recordId);
        if (mark != null) {
            return ShieldMark.decode(mark);
        }
        ShieldMark loaded = load(recordId);
        String raced = marks.putIfAbsent(recordId, loaded.encode());
        return raced != null ? ShieldMark.decode(raced) : loaded;
    }

    @Override
    public boolean shielded(String recordId) {
        return lookup(recordId).shielded();
    }

    /**
     * A shield was applied in the ledger (call after the commit). A failure is logged, not thrown: the shield is
     * durable and the record shielded in the ledger; a "none" mark still in the map expires with its time-to-live.
     */
    public void applied(ShieldEntry shield) {
        try {
            marks.set(shield.targetRecordId(), ShieldMark.of(shield).encode());
        } catch (RuntimeException e) {
            LOG.error("Shield {} of {} applied in the ledger but not in the shield cache: {}", shield.shieldId(),
                    shield.targetRecordId(), e.toString());
        }
    }

    /** How many marks this member holds (for the health page and tests). */
    public int size() {
        return marks.size();
    }

    /** The head's state decides, as it did for the guard before the cache; the shield row only fills the summary. */
    private ShieldMark load(String recordId) {
        if (!ShieldLookup.ledger(ledger).shielded(recordId)) {
            return ShieldMark.NONE;
        }
        List<ShieldEntry> shields = ledger.shieldsOf(recordId);
        return shields.isEmpty() ? ShieldMark.UNNAMED : ShieldMark.of(shields.get(shields.size() - 1));
    }
}
