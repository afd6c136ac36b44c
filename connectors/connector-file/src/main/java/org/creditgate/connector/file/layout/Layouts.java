package org.creditgate.connector.file.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditgate.model.Dataset;
import org.creditgate.spi.config.Settings;

/**
 * Reads the {@code layout.<name>.*} group into {@link Layout}s and validates it at activation: every sub-key
 * known, every layout with {@code files}, every target field a record field, {@code const.dataset} a dataset.
 * Each failure names the PID and the full key.
 */
public final class Layouts {

    public static final String PREFIX = "layout.";
    static final String FILES = "files";
    static final String HEADER_ROW = "headerRow";
    static final String SHEET = "sheet";
    static final String MAP = "map.";
    static final String CONST = "const.";

    private static final Pattern KEY = Pattern.compile("([a-z][a-z0-9_-]*)\\.(.+)");
    private static final String ALLOWED = "files, headerRow, sheet, map.<field>, const.<field>";

    private Layouts() {
    }

    /** The configured layouts, sorted by name (Config Admin keeps no key order). */
    public static List<Layout> parse(Settings raw, String sourceRefField) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        raw.group(PREFIX).forEach((rest, value) -> {
            Matcher m = KEY.matcher(rest);
            if (!m.matches()) {
                throw raw.invalid(PREFIX + rest, "must be layout.<name>.<key> with a lower-case name; keys: "
                        + ALLOWED);
            }
            byName.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>()).put(m.group(2), value);
        });
        if (byName.isEmpty()) {
            throw raw.invalid(PREFIX + "<name>." + FILES, "no layout configured; at least one is needed");
        }
        List<Layout> layouts = new ArrayList<>();
        byName.forEach((name, keys) -> layouts.add(layout(raw, name, keys, sourceRefField)));
        return List.copyOf(layouts);
    }

    private static Layout layout(Settings raw, String name, Map<String, String> keys, String sourceRefField) {
        String at = PREFIX + name + ".";
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, String> constants = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(MAP) && key.length() > MAP.length()) {
                map.put(key.substring(MAP.length()), nonBlank(raw, at + key, e.getValue()));
            } else if (key.startsWith(CONST) && key.length() > CONST.length()) {
                constants.put(key.substring(CONST.length()), nonBlank(raw, at + key, e.getValue()));
            } else if (!key.equals(FILES) && !key.equals(HEADER_ROW) && !key.equals(SHEET)) {
                throw raw.invalid(at + key, "unknown layout key; keys: " + ALLOWED);
            }
        }
        List<String> globs = globs(raw, at + FILES, keys.get(FILES));
        Optional<Dataset> dataset = dataset(raw, at + CONST + "dataset", constants.get("dataset"));
        checkFields(raw, at + MAP, map.keySet(), dataset, sourceRefField);
        checkFields(raw, at + CONST, constants.keySet(), dataset, sourceRefField);
        Optional<String> sheet = Optional.ofNullable(keys.get(SHEET)).filter(s -> !s.isBlank());
        return new Layout(name, globs, headerRow(raw, at + HEADER_ROW, keys.get(HEADER_ROW)), sheet, map, constants);
    }

    private static List<String> globs(Settings raw, String key, String value) {
        if (value == null || value.isBlank()) {
            throw raw.invalid(key, "is required: the file-name globs of this layout, e.g. *A级*.csv, *A级*.xlsx");
        }
        List<String> globs = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String g : globs) {
            if (g.contains("/") || g.contains("\\")) {
                throw raw.invalid(key, "'" + g + "' must be a file-name glob, not a path");
            }
        }
        return globs;
    }

    private static Optional<Dataset> dataset(Settings raw, String key, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Dataset.valueOf(value.strip()));
        } catch (IllegalArgumentException e) {
            throw raw.invalid(key, "'" + value + "' is not a dataset: " + Arrays.toString(Dataset.values()));
        }
    }

    private static void checkFields(Settings raw, String at, Iterable<String> fields, Optional<Dataset> dataset,
            String sourceRefField) {
        for (String field : fields) {
            String plain = field.endsWith("[]") ? field.substring(0, field.length() - 2) : field;
            if (plain.equals(sourceRefField)) {
                throw raw.invalid(at + field, "is the sourceRefField the connector sets itself");
            }
            if (!TargetFields.known(plain, dataset)) {
                throw raw.invalid(at + field, "'" + plain + "' is not a record field"
                        + dataset.map(d -> " of " + d + " (fields: " + String.join(", ", TargetFields.of(d)) + ")")
                                .orElse(""));
            }
        }
    }

    private static int headerRow(Settings raw, String key, String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int row = Integer.parseInt(value.strip());
            if (row >= 1) {
                return row;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw raw.invalid(key, "'" + value + "' is not a row number (1 or more)");
    }

    private static String nonBlank(Settings raw, String key, String value) {
        if (value == null || value.isBlank()) {
            throw raw.invalid(key, "has no value");
        }
        return value.strip();
    }
}
