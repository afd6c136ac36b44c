package org.creditgate.core.shield;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.creditgate.core.ingest.AcceptedListener;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;
import org.creditgate.spi.ingest.IngestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An approved 信用修复 shields its record everywhere (domain.md §6.2 "Repair approved"): once a REPAIR version with
 * decision APPROVED is durable, the gateway issues a SHIELD cause REPAIR for its target through {@link ShieldIssuer}.
 * The shield id is derived from the target (one repair shield per record) and its effectiveAt is the start of the
 * decision day, so issuing it again — the listener after a retry, the daily sweep ({@link #catchUp}) after a crash
 * between accept and issue — is an identical resend (ALREADY_ACCEPTED). A REJECTED or pending repair changes nothing.
 */
public final class RepairShields implements AcceptedListener {

    private static final Logger LOG = LoggerFactory.getLogger(RepairShields.class);
    private static final String REPAIR = "REPAIR";

    private final ShieldIssuer issuer;
    private final Ledger ledger;
    private final ZoneId zone;

    public RepairShields(ShieldIssuer issuer, Ledger ledger, ZoneId zone) {
        this.issuer = issuer;
        this.ledger = ledger;
        this.zone = zone;
    }

    @Override
    public void accepted(List<RecordVersion> versions, Instant at) {
        for (RecordVersion v : versions) {
            approved(v).ifPresent(this::issue);
        }
    }

    /**
     * The sweep's half: issues the shield of an approved repair whose target no shield has ended yet (an EXPIRED
     * shield ends it only where the period ran out).
     *
     * @return the shield issued, if it had to be
     */
    public Optional<ShieldIssuer.Issued> catchUp(RecordVersion v) {
        Optional<Repair> repair = approved(v);
        if (repair.isEmpty() || ledger.shieldsOf(repair.get().targetRecordId()).stream()
                .map(ShieldEntry::cause).anyMatch(c -> !Shield.Cause.EXPIRED.name().equals(c))) {
            return Optional.empty();
        }
        return issue(repair.get());
    }

    private static Optional<Repair> approved(RecordVersion v) {
        if (!REPAIR.equals(v.dataset())) {
            return Optional.empty();
        }
        CreditRecord record = CanonicalJson.read(v.payload());
        return record instanceof Repair r && r.decision() == Repair.Decision.APPROVED && r.targetRecordId() != null
                ? Optional.of(r) : Optional.empty();
    }

    private Optional<ShieldIssuer.Issued> issue(Repair r) {
        Optional<RecordHead> target = ledger.head(r.targetRecordId());
        if (target.isEmpty()) {
            // ingest refuses a repair of an unknown record (E_UNKNOWN_RECORD): only a purged ledger gets here
            LOG.warn("Approved repair {} names record {}, which the ledger does not hold: no shield", r.repairId(),
                    r.targetRecordId());
            return Optional.empty();
        }
        OffsetDateTime effective = r.decidedOn() == null ? null : r.decidedOn().atStartOfDay(zone).toOffsetDateTime();
        ShieldIssuer.Issued issued = issuer.issue(ShieldIssuer.GATEWAY, "repair", new ShieldIssuer.Request(
                target.get(), Shield.Cause.REPAIR, null, "信用修复 " + r.repairId(), effective, List.of()));
        if (issued.result().status() == IngestStatus.REJECTED) {
            LOG.error("Shield {} for approved repair {} of record {} was refused: {}", issued.shieldId(),
                    r.repairId(), r.targetRecordId(), issued.result().errors());
        } else {
            LOG.info("Approved repair {} shields record {}: shield {} {}", r.repairId(), r.targetRecordId(),
                    issued.shieldId(), issued.result().status());
        }
        return Optional.of(issued);
    }
}
