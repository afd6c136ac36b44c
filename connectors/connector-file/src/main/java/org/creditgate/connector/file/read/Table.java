package org.creditgate.connector.file.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data file as rows under a header.
 *
 * @param format  CSV or XLSX, and for CSV the charset it was decoded with (for the result file)
 * @param header  column names, trimmed, by position
 * @param rows    the non-blank data rows after the header
 */
public record Table(String format, List<String> header, List<SourceRow> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A row as column name to cell text; columns with an empty header are left out. */
    public Map<String, String> values(SourceRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                out.put(header.get(i), row.cell(i));
            }
        }
        return out;
    }

    /** Splits all rows of a file into header and data: the first non-blank row at or after {@code headerRow}. */
    public static Table of(String format, List<SourceRow> all, int headerRow) throws BadFileException {
        int at = 0;
        while (at < all.size() && (all.get(at).number() < headerRow || all.get(at).isBlank())) {
            at++;
        }
        if (at == all.size()) {
            throw new BadFileException("E_HEADER", "no header row at or after row " + headerRow);
        }
        List<String> header = all.get(at).cells().stream().map(Table::name).toList();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty() && header.indexOf(header.get(i)) != i) {
                throw new BadFileException("E_HEADER", "column '" + header.get(i) + "' appears twice in the header "
                        + "(row " + all.get(at).number() + ")");
            }
        }
        List<SourceRow> data = all.subList(at + 1, all.size()).stream().filter(r -> !r.isBlank()).toList();
        return new Table(format, header, data);
    }

    private static String name(String cell) {
        // a BOM survives only when the charset was forced; full-width spaces are common in Chinese headers
        return cell.replace("\uFEFF", "").replace('\u3000', ' ').strip();
    }
}
