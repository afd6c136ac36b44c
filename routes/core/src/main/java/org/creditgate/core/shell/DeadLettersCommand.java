package org.creditgate.core.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.ingest.IngestGateway;

/** {@code creditgate:dlq <upstream>} — the upstream's dead letters with class and reason. */
@Service
@Command(scope = "creditgate", name = "dlq", description = "Lists an upstream's dead-letter queue (creditgate.dlq.<id>): "
        + "record, error class (VALIDATION, TRANSIENT, POISON) and reason")
public class DeadLettersCommand implements Action {

    @Reference
    private IngestGateway gateway;

    @Argument(index = 0, name = "upstream", description = "Upstream id (province, national, creditchina, gsxt)",
            required = true)
    @Completion(UpstreamCompleter.class)
    private String upstream;

    @Option(name = "--class", description = "Only letters of this error class")
    private String errorClass;

    @Override
    public Object execute() throws Exception {
        var letters = gateway.deadLetters().list(upstream, new DeadLetters.Filter(errorClass, null, null));
        ShellTable table = new ShellTable();
        table.column("Record");
        table.column("Version").alignRight();
        table.column("Dataset");
        table.column("Class");
        table.column("Queued at");
        table.column("Reason");
        letters.forEach(l -> table.addRow().addContent(l.recordId(), l.version(), l.dataset(), l.errorClass(),
                l.queuedAt(), l.reason()));
        table.print(System.out);
        System.out.println(letters.size() + " letter(s) in " + DeadLetters.queue(upstream));
        return null;
    }
}
