package org.creditgate.core.objection;

import java.util.Optional;

import org.creditgate.core.ingest.IngestPipeline;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Dataset;
import org.creditgate.model.Objection;
import org.creditgate.model.RecordIds;
import org.creditgate.model.validation.HeadView;
import org.creditgate.model.validation.ObjectionLifecycle;
import org.creditgate.model.validation.ObjectionLifecycle.ObjectionView;
import org.creditgate.model.validation.ValidationIssue;

/**
 * Gathers what {@link ObjectionLifecycle#check} needs from the ledger for an incoming OBJECTION record: its own
 * record (an identical resend?), the objection with its id, the objection pending on its target, and the target's
 * provider. The rules are the model's.
 */
public final class ObjectionChecks implements IngestPipeline.TargetCheck {

    private final Ledger ledger;

    public ObjectionChecks(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<ValidationIssue> check(String sender, CreditRecord record, HeadView target) {
        if (!(record instanceof Objection o)) {
            return Optional.empty();
        }
        String own = o.meta() != null && o.meta().recordId() != null && !o.meta().recordId().isBlank()
                ? o.meta().recordId() : RecordIds.forBusinessKey(Dataset.OBJECTION, o.businessKey());
        boolean identical = ledger.head(own).map(h -> h.currentContentHash().equals(CanonicalJson.contentHash(o)))
                .orElse(false);
        // a target stored by the same push has no ledger head yet: its sender is its provider
        String provider = ledger.head(target.recordId()).map(RecordHead::department).orElse(sender);
        Optional<ObjectionView> known = ledger.objection(o.objectionId()).map(ObjectionChecks::view);
        Optional<ObjectionView> pending = ledger.objectionsOf(target.recordId()).stream()
                .filter(ObjectionEntry::pending).findFirst().map(ObjectionChecks::view);
        return ObjectionLifecycle.check(o, target, identical, sender, provider, known, pending);
    }

    static ObjectionView view(ObjectionEntry e) {
        return new ObjectionView(e.objectionId(), e.targetRecordId(), e.targetVersion(), e.status().name());
    }
}
