package org.creditgate.core.shield;

import java.io.Serializable;
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
 * @param shieldedAt epoch milliseconds (a long, not an Instant: the value is serialized on every map access)
 */
public record ShieldMark(String shieldId, String cause, String shieldRecordId, long shieldedAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

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
}
