package org.creditgate.model.validation;

import java.util.Optional;
import java.util.Set;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;

/**
 * Who may act on whose record (domain.md §6): a department shields or repairs only the records it provided, unless
 * it is one of the city's credit authorities (市信用办, configured); the city credit office's operators and the
 * gateway itself act on any record; the cause UPSTREAM_REPAIR belongs to the upstream platforms' own channel. Without
 * this, any authenticated department could take any other department's record out of publication.
 * The gateway's own cascades (a linked record follows its organisation's shield, whatever the cause) pass.
 */
public final class IssuerRules {

    private IssuerRules() {
    }

    /** Who sent a record, as far as these rules care. */
    public enum Issuer {
        /** A department system (REST push, connector). */
        DEPARTMENT,
        /** An operator of the city credit office, through the operator API. */
        OPERATOR,
        /** The gateway itself (expiry, approved repairs, objections, legal-representative links). */
        GATEWAY,
        /** An upstream platform, through its inbound channel. */
        UPSTREAM
    }

    /**
     * @param issuer           what kind of sender
     * @param sender           the sender's id (the department id for DEPARTMENT)
     * @param record           a valid SHIELD, REPAIR or other record that acts on a target
     * @param targetDepartment the department that provided the target record
     * @param authorities      departments that may act on every record (the city credit office)
     */
    public static Optional<ValidationIssue> check(Issuer issuer, String sender, CreditRecord record,
            String targetDepartment, Set<String> authorities) {
        // the gateway may: it cascades an upstream's repair to the linked legal-representative record
        if (record instanceof Shield s && s.cause() == Shield.Cause.UPSTREAM_REPAIR && issuer != Issuer.UPSTREAM
                && issuer != Issuer.GATEWAY) {
            return Optional.of(new ValidationIssue("E_RESERVED", "cause", "cause UPSTREAM_REPAIR is for a repair done "
                    + "by an upstream platform, sent through its own channel (POST /api/v1/upstreams/{id}/shields)"));
        }
        boolean actsOnTarget = record instanceof Shield || record instanceof Repair;
        if (actsOnTarget && issuer == Issuer.DEPARTMENT && !sender.equals(targetDepartment)
                && !authorities.contains(sender)) {
            return Optional.of(new ValidationIssue("E_NOT_OWNER", "targetRecordId", record.dataset() + " from " + sender
                    + " for a record provided by " + targetDepartment + ": a department acts only on its own records; "
                    + "the city credit office issues the others"));
        }
        return Optional.empty();
    }
}
