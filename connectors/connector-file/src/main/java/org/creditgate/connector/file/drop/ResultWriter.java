package org.creditgate.connector.file.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.file.drop.RowOutcome.Issue;
import org.creditgate.spi.ingest.IngestStatus;

/** The machine-readable result file: the file's status and error, the counts, and every row's outcome. */
public final class ResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    public static byte[] toJson(FileReport report, String connectorId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", report.file());
        root.put("connector", connectorId);
        root.put("status", report.done() ? "DONE" : "ERROR");
        root.put("layout", report.layout());
        root.put("format", report.format());
        root.put("processedAt", report.processedAt().toString());
        if (!report.done()) {
            root.putObject("error").put("code", report.errorCode()).put("message", report.errorMessage());
        }
        root.putObject("summary")
                .put("rows", report.rows().size())
                .put("accepted", report.count(IngestStatus.ACCEPTED))
                .put("alreadyAccepted", report.count(IngestStatus.ALREADY_ACCEPTED))
                .put("rejected", report.count(IngestStatus.REJECTED));
        ArrayNode rows = root.putArray("rows");
        for (RowOutcome r : report.rows()) {
            ObjectNode row = rows.addObject().put("row", r.row()).put("status", r.status().name());
            if (r.recordId() != null) {
                row.put("recordId", r.recordId()).put("version", r.version());
            }
            issues(row, "errors", r.errors());
            issues(row, "warnings", r.warnings());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void issues(ObjectNode row, String name, List<Issue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        ArrayNode array = row.putArray(name);
        for (Issue i : issues) {
            array.addObject().put("code", i.code()).put("field", i.field()).put("column", i.column())
                    .put("message", i.message());
        }
    }
}
