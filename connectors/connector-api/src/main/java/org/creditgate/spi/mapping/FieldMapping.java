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
        return new LinkedHashSet<>(fieldToColumn.values());
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
            String value = row.get(column);
            if (field.endsWith(ARRAY)) {
                putArray(out, field.substring(0, field.length() - ARRAY.length()), value);
            } else {
                putText(out, field, value);
            }
        });
        return out;
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
