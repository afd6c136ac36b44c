package org.creditgate.core.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.ingest.IngestGateway;

/**
 * {@code creditgate:dlq-replay <upstream> --reason "…" [--class C] [--from T] [--to T] [--execute]} — a dry run
 * unless {@code --execute}; audited in the log with the shell user.
 */
@Service
@Command(scope = "creditgate", name = "dlq-replay", description = "Moves an upstream's dead letters back onto its "
        + "queue (dry run unless --execute), filtered by class and time, rate-limited, audited")
public class ReplayCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Reference
    private Session session;

    @Argument(index = 0, name = "upstream", description = "Upstream id", required = true)
    @Completion(UpstreamCompleter.class)
    private String upstream;

    @Option(name = "--reason", description = "Why (kept in the audit log)", required = true)
    private String reason;

    @Option(name = "--class", description = "VALIDATION, TRANSIENT or POISON")
    private String errorClass;

    @Option(name = "--from", description = "Queued at or after (ISO instant)")
    private String from;

    @Option(name = "--to", description = "Queued before (ISO instant)")
    private String to;

    @Option(name = "--rate", description = "Letters per second (1-100)")
    private int perSecond = 10;

    @Option(name = "--execute", description = "Really move them (default: only count)")
    private boolean execute;

    @Override
    public Object execute() throws Exception {
        DeadLetters.Filter filter = new DeadLetters.Filter(errorClass, from == null ? null : Instant.parse(from),
                to == null ? null : Instant.parse(to));
        String user = String.valueOf(session.get("USER"));
        DeadLetters.Replay r = gateway.deadLetters().replay(upstream, filter, !execute,
                Math.max(1, Math.min(100, perSecond)), user, reason);
        System.out.println((r.dryRun() ? "Dry run: " : "Replayed: ") + r.matched() + " matching, " + r.replayed()
                + " moved back to creditgate.upstream." + upstream + (r.dryRun() ? " (add --execute to move them)" : ""));
        return null;
    }
}
