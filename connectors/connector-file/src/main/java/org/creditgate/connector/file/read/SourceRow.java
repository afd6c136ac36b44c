package org.creditgate.connector.file.read;

import java.util.List;

/**
 * One non-blank row of a data file, numbered as in the file (the CSV line it starts on, the XLSX row number).
 *
 * @param number   1-based row number in the file
 * @param cells    cell texts by column position; blank cells are empty strings
 * @param problems cells that cannot be used (a formula without a cached value, an Excel error value); a row with
 *                 problems is rejected by the connector without being sent to ingest
 */
public record SourceRow(int number, List<String> cells, List<CellProblem> problems) {

    public SourceRow {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    public SourceRow(int number, List<String> cells) {
        this(number, cells, List.of());
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        return problems.isEmpty() && cells.stream().allMatch(String::isBlank);
    }

    /** A cell that cannot be read as a value. */
    public record CellProblem(int column, String code, String message) {
    }
}
