package org.creditgate.core.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.lineage.Lineage;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.validation.SubjectSearch;

/**
 * {@code creditgate:lineage <recordId>} or {@code creditgate:lineage --subject <USCC|ID number>} — the full lineage
 * of a record, or of every record of a subject (most recently changed first).
 */
@Service
@Command(scope = "creditgate", name = "lineage", description = "Shows a record's lineage from the ledger: department "
        + "and channel, versions and history, each upstream's delivery with batch and receipt, shields and "
        + "objections; by record id, or every record of a subject with --subject (ID numbers shown masked)")
public class LineageCommand implements Action {

    @Reference
    private Ledger ledger;

    @Reference
    private IngestGateway gateway;

    @Argument(index = 0, name = "recordId", description = "The gateway's record id (as returned to the department)")
    private String recordId;

    @Option(name = "--subject", aliases = "-s", description = "A 统一社会信用代码, or a full 公民身份号码 (it is hashed for "
            + "the lookup and never printed; a masked number cannot be searched)")
    private String subject;

    @Option(name = "--limit", description = "At most this many records of the subject (default 20)")
    private int limit = 20;

    @Override
    public Object execute() {
        LineageView view = new LineageView(ledger, Lineage.channels(gateway.connectors()));
        if ((recordId == null) == (subject == null)) {
            System.out.println("Give a record id or --subject <USCC or ID number> (creditgate:lineage --help)");
            return null;
        }
        if (recordId != null) {
            ledger.head(recordId.strip()).ifPresentOrElse(h -> view.print(h, System.out),
                    () -> System.out.println("No record " + recordId));
            return null;
        }
        String key;
        try {
            key = SubjectSearch.key(subject);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            return null;
        }
        List<RecordHead> heads = ledger.headsOfSubject(key, Math.max(1, limit));
        ShellTable t = new ShellTable();
        for (String c : List.of("Record", "Dataset", "Department", "State", "Version", "Updated")) {
            t.column(c);
        }
        heads.forEach(h -> t.addRow().addContent(h.recordId(), h.dataset(), h.department(), h.state(),
                h.currentVersion(), h.updatedAt()));
        System.out.println(heads.size() + " record(s) of subject " + (key.startsWith("P:") ? "key " + key : key)
                + (heads.size() == Math.max(1, limit) ? " (limit reached: --limit)" : ""));
        t.print(System.out);
        for (RecordHead h : heads) {
            System.out.println();
            view.print(h, System.out);
        }
        return null;
    }
}
