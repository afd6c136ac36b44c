package org.creditgate.spi.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.Settings;

/**
 * A declarative mapping from a department's columns (CSV/XLSX headers, exchange-table columns, legacy JSON keys) to
 * the record fields the gateway validates (national field codes or canonical names). Declared in a connector's
 * {@code .cfg}:
 * <pre>
 * map.CF_WSH = 决定书文号        # field ← source column
 * map.measureCodes[] = 惩戒措施   # array field: the cell is split at , ; 、
 * map.CF_CFLB = 处罚类别1 + 处罚类别2   # several columns joined with ';' (blank ones skipped)
 * const.dataset = LIST          # a constant value
 * </pre>
 * Mapping only renames and shapes; it never checks a value — validation is the model's job, so a bad cell becomes
 * a rejection with the field named as the department spelled it.
 */
public final class FieldMapping {

    public static final String MAP = "map.";
    public static final String CONST = "const.";
    private static final String ARRAY = "[]";
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[,;，；、]\\s*");
    private static final Pattern JOIN = Pattern.compile("\\s+\\+\\s+");

    private final Map<String, String> fieldToColumn;
    private final Map<String, String> constants;

    public FieldMapping(Map<String, String> fieldToColumn, Map<String, String> constants) {
        this.fieldToColumn = Collections.unmodifiableMap(new LinkedHashMap<>(fieldToColumn));
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    /** The keys that declare a mapping, for a connector's {@link ConfigDef}. */
    public static ConfigDef.Builder declare(ConfigDef.Builder def) {
        return def.prefix(MAP, "Field mapping: map.<record field> = <source column>; a field ending in [] is an "
                        + "array, its cell split at , ; 、")
                .prefix(CONST, "Constant field: const.<record field> = <value>, e.g. const.dataset = LIST");
    }

    public static FieldMapping from(Settings settings) {
        return new FieldMapping(settings.group(MAP), settings.group(CONST));
    }

    /** Identity mapping: the source already uses the record field names (the national codes). */
    public static FieldMapping identity() {
        return new FieldMapping(Map.of(), Map.of());
    }

    public boolean isIdentity() {
        return fieldToColumn.isEmpty();
    }

    /** Source columns the mapping reads, in declaration order. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        for (String spec : fieldToColumn.values()) {
            columns.addAll(List.of(JOIN.split(spec.strip())));
        }
        return columns;
    }

    /** Declared source columns missing from a header row (empty when all are present). */
    public List<String> missingColumns(Set<String> header) {
        List<String> missing = new ArrayList<>();
        for (String column : columns()) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    /**
     * Maps one source row. Blank cells are left out (a required field then fails validation as missing); with an
     * identity mapping every non-blank column is copied under its own name.
     */
    public ObjectNode apply(Map<String, String> row) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        constants.forEach(out::put);
        if (isIdentity()) {
            row.forEach((column, value) -> putText(out, column, value));
            return out;
        }
        fieldToColumn.forEach((field, column) -> {
            String value = cell(row, column);
            if (field.endsWith(ARRAY)) {
                putArray(out, field.substring(0, field.length() - ARRAY.length()), value);
            } else {
                putText(out, field, value);
            }
        });
        return out;
    }

    /**
     * Renames the keys of a JSON record (REST pushes): mapped fields take their source key's value, constants are
     * added, and with {@code passthrough} every key that is not a mapped source is kept as it is — so a department
     * may mix the national codes with its own or legacy names.
     */
    public ObjectNode rename(ObjectNode in, boolean passthrough) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Set<String> sources = columns();
        if (passthrough) {
            in.fields().forEachRemaining(e -> {
                if (!sources.contains(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        }
        fieldToColumn.forEach((field, column) -> {
            if (!column.contains(" + ") && in.has(column)) {
                out.set(field.endsWith(ARRAY) ? field.substring(0, field.length() - ARRAY.length()) : field,
                        in.get(column));
            } else if (column.contains(" + ")) {
                Map<String, String> texts = new LinkedHashMap<>();
                in.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().isValueNode()
                        ? e.getValue().asText() : null));
                putText(out, field, cell(texts, column));
            }
        });
        constants.forEach(out::put);
        return out;
    }

    /** The value of a column spec: one column, or several joined by ' + ' (non-blank parts joined with ';'). */
    private static String cell(Map<String, String> row, String spec) {
        if (!spec.contains(" + ")) {
            return row.get(spec);
        }
        List<String> parts = new ArrayList<>();
        for (String column : JOIN.split(spec.strip())) {
            String v = row.get(column);
            if (v != null && !v.isBlank()) {
                parts.add(v.strip());
            }
        }
        return parts.isEmpty() ? null : String.join(";", parts);
    }

    private static void putText(ObjectNode out, String field, String value) {
        if (value != null && !value.isBlank()) {
            out.put(field, value.strip());
        }
    }

    private static void putArray(ObjectNode out, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        ArrayNode array = out.putArray(field);
        for (String item : LIST_SEPARATORS.split(value.strip())) {
            if (!item.isEmpty()) {
                array.add(item);
            }
        }
    }

    @Override
    public String toString() {
        return isIdentity() ? "identity" : fieldToColumn + " + " + constants;
    }

}
