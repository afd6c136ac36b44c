package org.creditgate.connector.file.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.creditgate.spi.mapping.FieldMapping;

/**
 * One kind of file an instance accepts (e.g. the tax bureau's red list): which file names it covers, where its
 * header is, and how its columns map to record fields.
 *
 * @param name       the {@code <name>} of {@code layout.<name>.*}
 * @param globs      file-name globs as configured ({@code *} and {@code ?}, case-insensitive)
 * @param headerRow  1-based row (CSV line, XLSX row) at or after which the first non-blank row is the header
 * @param sheet      XLSX sheet name; empty for the first sheet
 * @param fieldToColumn {@code map.<field> = <column>} as configured (array fields keep their {@code []})
 * @param constants  {@code const.<field> = <value>}
 */
public record Layout(String name, List<String> globs, int headerRow, Optional<String> sheet,
        Map<String, String> fieldToColumn, Map<String, String> constants) {

    public Layout {
        globs = List.copyOf(globs);
        fieldToColumn = Map.copyOf(new LinkedHashMap<>(fieldToColumn));
        constants = Map.copyOf(constants);
    }

    public FieldMapping mapping() {
        return new FieldMapping(fieldToColumn, constants);
    }

    /** Whether a file name is one of this layout's. */
    public boolean matches(String fileName) {
        return globs.stream().anyMatch(g -> glob(g).matcher(fileName).matches());
    }

    /**
     * The column a record field was read from, so a rejection names the column as the department spells it;
     * the field itself for an identity mapping or a constant.
     */
    public String columnOf(String field) {
        String column = fieldToColumn.get(field);
        if (column == null) {
            column = fieldToColumn.get(field + "[]");
        }
        return column == null ? field : column;
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
