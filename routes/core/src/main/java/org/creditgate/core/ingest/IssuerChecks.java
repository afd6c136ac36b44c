package org.creditgate.core.ingest;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.validation.HeadView;
import org.creditgate.model.validation.IssuerRules;
import org.creditgate.model.validation.ObjectionLifecycle;
import org.creditgate.model.validation.ValidationIssue;

/**
 * Gathers what {@link IssuerRules} needs: what kind of sender this is (the gateway, an operator, an upstream platform
 * through its channel, else a department) and which department provided the target. The rules are the model's.
 */
public final class IssuerChecks implements IngestPipeline.TargetCheck {

    private final Ledger ledger;
    private final Supplier<Set<String>> upstreams;
    private final Set<String> authorities;

    /**
     * @param upstreams   the upstream platform ids (the routing table's): their inbound channel submits as them
     * @param authorities departments that act on every record (the city credit office)
     */
    public IssuerChecks(Ledger ledger, Supplier<Set<String>> upstreams, Set<String> authorities) {
        this.ledger = ledger;
        this.upstreams = upstreams;
        this.authorities = Set.copyOf(authorities);
    }

    @Override
    public Optional<ValidationIssue> check(String sender, CreditRecord record, HeadView target) {
        // a target stored by the same push has no ledger head yet: its sender provided it
        String provider = ledger.head(target.recordId()).map(RecordHead::department).orElse(sender);
        return IssuerRules.check(kind(sender), sender, record, provider, authorities);
    }

    private IssuerRules.Issuer kind(String sender) {
        if (ShieldIssuer.GATEWAY.equals(sender)) {
            return IssuerRules.Issuer.GATEWAY;
        }
        if (sender.startsWith(ObjectionLifecycle.OPERATOR_PREFIX)) {
            return IssuerRules.Issuer.OPERATOR;
        }
        return upstreams.get().contains(sender) ? IssuerRules.Issuer.UPSTREAM : IssuerRules.Issuer.DEPARTMENT;
    }
}
