package org.creditgate.core.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.shield.ExpiryRun;

/**
 * {@code creditgate:expire} — runs the daily expiry job now and prints its counts and the EXPIRED shields it issued.
 */
@Service
@Command(scope = "creditgate", name = "expire", description = "Shields now every record whose publication period "
        + "ended at a platform holding it (the daily expiry job), and catches up approved repairs' shields")
public class ExpireCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        ExpiryRun run = gateway.expiry().run("operator " + session.get("USER"));
        System.out.println("Expiry for " + run.day() + ": " + run.scanned() + " records scanned, "
                + run.shieldsIssued() + " EXPIRED shields issued, " + run.alreadyIssued() + " already issued, "
                + run.repairShields() + " repair shields caught up, " + run.failed() + " failed");
        for (ExpiryRun.Issued i : run.shields()) {
            System.out.println("  " + i.shieldId() + "  record " + i.recordId() + "  ended " + i.endedOn() + "  → "
                    + (i.targets().isEmpty() ? "local only" : String.join(", ", i.targets())));
        }
        return null;
    }
}
