package org.creditgate.core.shield;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.creditgate.ledger.ShieldEntry;

/**
 * What the shield cache holds per record (屏蔽状态): the latest shield of the record, or {@link #NONE} when the
 * ledger showed none. A shield is terminal for publication (the ledger never un-shields a record), so a shielded
 * mark can never be wrong; only a "none" mark can be out of date, which is why {@link ShieldCache} never lets one
 * overwrite a shielded mark.
 *
 * @param shieldId   null for {@link #NONE}
 * @param shieldedAt epoch milliseconds
 *
 * <p>In the map a mark is a String ({@link #encode}): Hazelcast's String serializer is a fraction of Java
 * serialization's cost, and the value is deserialized on every lookup.
 */
public record ShieldMark(String shieldId, String cause, String shieldRecordId, long shieldedAt) {

    private static final char SEP = '\t';

    /** The ledger holds no shield for the record (at the time it was asked). */
    public static final ShieldMark NONE = new ShieldMark(null, null, null, 0L);

    /** Shielded in the ledger without a shield row (not written by today's ledger; kept shielded regardless). */
    static final ShieldMark UNNAMED = new ShieldMark("", null, null, 0L);

    public static ShieldMark of(ShieldEntry shield) {
        return new ShieldMark(shield.shieldId(), shield.cause(), shield.recordId(),
                shield.createdAt() == null ? 0L : shield.createdAt().toEpochMilli());
    }

    public boolean shielded() {
        return shieldId != null;
    }

    /** The summary the shields API returns for {@code ?shielded=<recordId>}. */
    public Map<String, Object> summary(String targetRecordId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetRecordId", targetRecordId);
        m.put("shielded", shielded());
        if (shielded()) {
            m.put("shieldId", shieldId);
            m.put("cause", cause);
            m.put("shieldRecordId", shieldRecordId);
            m.put("shieldedAt", Instant.ofEpochMilli(shieldedAt));
        }
        return m;
    }

    /** The map's form: "" for none, else the fields separated by tabs (ids never contain one). */
    String encode() {
        return shielded() ? shieldId + SEP + nullToEmpty(cause) + SEP + nullToEmpty(shieldRecordId) + SEP + shieldedAt
                : "";
    }

    static ShieldMark decode(String s) {
        if (s.isEmpty()) {
            return NONE;
        }
        String[] f = s.split("\t", -1);
        return new ShieldMark(f[0], emptyToNull(f[1]), emptyToNull(f[2]), Long.parseLong(f[3]));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
