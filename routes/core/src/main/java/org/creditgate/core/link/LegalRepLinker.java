package org.creditgate.core.link;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.creditgate.core.ingest.AcceptedListener;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.Op;
import org.creditgate.model.Shield;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps legal representatives' linked person records (domain.md §6.4, rules in {@link LegalRepLink}) in step with
 * their organisation records, as the gateway's own submissions (issuer {@value ShieldIssuer#GATEWAY}) through the
 * same ingest as a department's — so validation, the ledger, routing (SHARING platforms only), ordering, shield
 * propagation and proof are the ones every record gets:
 * <ul>
 * <li>a qualifying organisation record → its linked record (ADD), and each later version → a new version of the
 * linked record (UPDATE, or DELETE for a revocation);</li>
 * <li>an organisation record corrected so that it no longer links (一般失信, representative's ID removed) → the linked
 * record is shielded (REVOKED);</li>
 * <li>a SHIELD of an organisation record → a SHIELD of its linked record with a derived id, the same cause, time
 * and decision.</li>
 * </ul>
 * Idempotent: the linked record's id and its shields' ids are derived, and a version whose linked record already
 * says the same is skipped without a submission. So a catch-up over the ledger after a crash re-runs it safely.
 */
public final class LegalRepLinker implements AcceptedListener {

    /** The channel the gateway's linked submissions are recorded under (history). */
    public static final String CHANNEL = "legal-rep-link";
    private static final Logger LOG = LoggerFactory.getLogger(LegalRepLinker.class);

    private final Ledger ledger;
    private final Function<IngestRequest, IngestResult> ingest;
    private final ShieldIssuer shields;
    private final ZoneId zone;

    public LegalRepLinker(Ledger ledger, Function<IngestRequest, IngestResult> ingest, ShieldIssuer shields,
            ZoneId zone) {
        this.ledger = ledger;
        this.ingest = ingest;
        this.shields = shields;
        this.zone = zone;
    }

    @Override
    public void accepted(List<RecordVersion> versions, Instant at) {
        for (RecordVersion v : versions) {
            follow(v);
        }
    }

    /** What one stored version sets off for a linked record: ADDED, UPDATED, SHIELDED or NOTHING. */
    enum Outcome {
        ADDED, UPDATED, SHIELDED, NOTHING
    }

    Outcome follow(RecordVersion v) {
        if ("SHIELD".equals(v.dataset())) {
            return CanonicalJson.read(v.payload()) instanceof Shield s ? cascadeShield(s) : Outcome.NOTHING;
        }
        if (!"PENALTY".equals(v.dataset()) && !"LIST".equals(v.dataset())) {
            return Outcome.NOTHING;
        }
        CreditRecord org = CanonicalJson.read(v.payload());
        if (LegalRepLink.isLinked(org)) {
            return Outcome.NOTHING;
        }
        boolean qualifies = LegalRepLink.qualifies(org);
        if (!qualifies && v.version() == 1) {
            // a first version that does not link has no linked record to follow: no lookup (most records)
            return Outcome.NOTHING;
        }
        String linkedId = LegalRepLink.linkedRecordId(v.recordId());
        Optional<RecordHead> linked = ledger.head(linkedId);
        if (linked.isPresent() && linked.get().state() == RecordState.SHIELDED) {
            return Outcome.NOTHING;
        }
        if (!qualifies) {
            return linked.isPresent() ? unlink(linked.get(), v) : Outcome.NOTHING;
        }
        if (linked.isEmpty()) {
            // a revocation of a record that never linked sets up no link to revoke
            return org.meta().op() == Op.DELETE ? Outcome.NOTHING : submit(LegalRepLink.derive(org, Op.ADD));
        }
        RecordVersion current = ledger.version(linkedId, linked.get().currentVersion()).orElseThrow();
        CreditRecord same = LegalRepLink.derive(org, Op.valueOf(current.op()));
        if (CanonicalJson.contentHash(same).equals(current.contentHash())) {
            return Outcome.NOTHING;
        }
        return submit(LegalRepLink.derive(org, org.meta().op() == Op.DELETE ? Op.DELETE : Op.UPDATE));
    }

    private Outcome submit(CreditRecord linked) {
        IngestResult result = ingest.apply(new IngestRequest(ShieldIssuer.GATEWAY, CHANNEL,
                LegalRepLink.submission(linked)));
        RecordResult r = result.results().get(0);
        if (r.status() == IngestStatus.REJECTED) {
            // kept with the gateway's rejections; the messages quote ID numbers masked
            LOG.warn("Linked record {} of organisation record {} was refused: {}", linked.meta().recordId(),
                    LegalRepLink.organisationRecordId(linked).orElse(null), r.errors());
            return Outcome.NOTHING;
        }
        return linked.meta().op() == Op.ADD ? Outcome.ADDED : Outcome.UPDATED;
    }

    /** The organisation record no longer links: the person record must stop being shared. */
    private Outcome unlink(RecordHead linked, RecordVersion org) {
        String shieldId = ShieldIssuer.derivedId(linked.recordId(), Shield.Cause.REVOKED);
        if (ledger.shield(shieldId).isPresent()) {
            return Outcome.NOTHING;
        }
        shields.issue(ShieldIssuer.GATEWAY, CHANNEL, new ShieldIssuer.Request(linked, Shield.Cause.REVOKED, shieldId,
                "组织记录 " + org.recordId() + " 第" + org.version() + "版不再关联法定代表人",
                org.receivedAt().atZone(zone).toOffsetDateTime(), List.of()));
        return Outcome.SHIELDED;
    }

    private Outcome cascadeShield(Shield s) {
        Optional<RecordHead> linked = ledger.head(LegalRepLink.linkedRecordId(s.targetRecordId()));
        String shieldId = LegalRepLink.linkedShieldId(s.shieldId());
        if (linked.isEmpty() || linked.get().state() == RecordState.SHIELDED || ledger.shield(shieldId).isPresent()) {
            return Outcome.NOTHING;
        }
        ShieldIssuer.Issued issued = shields.issue(ShieldIssuer.GATEWAY, CHANNEL, new ShieldIssuer.Request(
                linked.get(), s.cause(), shieldId, s.decisionRef(), s.effectiveAt(), List.of()));
        if (issued.result().status() == IngestStatus.REJECTED) {
            LOG.warn("Shield {} of linked record {} (cascading {}) was refused: {}", shieldId,
                    linked.get().recordId(), s.shieldId(), issued.result().errors());
            return Outcome.NOTHING;
        }
        return Outcome.SHIELDED;
    }
}
