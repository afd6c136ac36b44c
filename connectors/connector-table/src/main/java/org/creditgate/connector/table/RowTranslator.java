package org.creditgate.connector.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.model.validation.ValidationIssue;
import org.creditgate.spi.ingest.RecordResult;

/**
 * Pure translation between exchange-table rows and ingest (no JDBC, no Camel): a row becomes a record through the
 * configured field mapping; a re-read row the gateway accepted before becomes an UPDATE of that record when its
 * content changed, or the same message as before when it did not (so ingest answers ALREADY_ACCEPTED and stores
 * nothing); the answer becomes status, errors named by the department's columns, record id and fingerprint.
 */
final class RowTranslator {

    static final String OP = "op";
    static final String RECORD_ID = "recordId";
    static final String DATASET = "dataset";
    private static final String ADD = "ADD";
    private static final String UPDATE = "UPDATE";
    private static final java.util.Set<String> ADD_WORDS = java.util.Set.of(ADD, "add", "新增", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TablePollSettings settings;

    RowTranslator(TablePollSettings settings) {
        this.settings = settings;
    }

    OutgoingRow toRecord(SourceRow row) {
        ObjectNode record = settings.mapping().apply(businessCells(row));
        settings.datasetColumn().map(c -> row.values().get(c.name())).filter(v -> v != null && !v.isBlank())
                .ifPresent(v -> record.put(DATASET, v.strip()));
        String content = sha256(record);
        String given = record.hasNonNull(OP) ? record.get(OP).asText() : ADD;
        // a mapped op column saying "add" is the department's default, not a decision: a changed row is an UPDATE
        String op = ADD_WORDS.contains(given) ? opFor(row, content) : given;
        record.remove(OP);
        if (!ADD.equals(op)) {
            record.put(OP, op);
            // the gateway's id, not one derived from the business key: a corrected 文号 still updates the same record
            if (!record.hasNonNull(RECORD_ID)) {
                row.recordId().ifPresent(id -> record.put(RECORD_ID, id));
            }
        }
        return new OutgoingRow(row, record, op + ":" + content);
    }

    /** The write-back of one ingest answer. */
    RowOutcome outcome(OutgoingRow sent, RecordResult result) {
        return switch (result.status()) {
            case ACCEPTED, ALREADY_ACCEPTED -> new RowOutcome(sent.row(), result.status().name(),
                    issues(result.warnings()), result.recordId(), sent.fingerprint());
            case REJECTED -> new RowOutcome(sent.row(), result.status().name(), issues(result.errors()), null, null);
        };
    }

    /**
     * ADD for a row the gateway never accepted; for one it did, the op it was accepted with when the content is the
     * same (a re-read after a crash or a rewind), else UPDATE (the department changed it).
     */
    private static String opFor(SourceRow row, String content) {
        if (row.recordId().isEmpty()) {
            return ADD;
        }
        Optional<String> before = row.fingerprint();
        if (before.isPresent() && before.get().endsWith(":" + content)) {
            return before.get().substring(0, before.get().length() - content.length() - 1);
        }
        return UPDATE;
    }

    private Map<String, String> businessCells(SourceRow row) {
        if (!settings.mapping().isIdentity()) {
            return row.values();
        }
        Map<String, String> cells = new LinkedHashMap<>(row.values());
        cells.keySet().removeAll(settings.controlColumns());
        return cells;
    }

    /** Errors or warnings as a JSON array, each field renamed to the column it came from. */
    private String issues(List<ValidationIssue> issues) {
        ArrayNode array = JSON.createArrayNode();
        for (ValidationIssue i : issues) {
            array.addObject().put("code", i.code()).put("field", i.field() == null ? null : settings.columnOf(i.field()))
                    .put("message", i.message());
        }
        return array.toString();
    }

    /**
     * Hash of the content without op and recordId, fields sorted by name: Config Admin does not promise the order
     * of the map.* keys, and a reordering must not turn an unchanged row into an UPDATE.
     */
    private static String sha256(ObjectNode record) {
        java.util.TreeMap<String, com.fasterxml.jackson.databind.JsonNode> content = new java.util.TreeMap<>();
        record.fields().forEachRemaining(e -> content.put(e.getKey(), e.getValue()));
        content.keySet().removeAll(List.of(OP, RECORD_ID));
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] bytes = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(d.digest(bytes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
