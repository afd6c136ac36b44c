package org.creditgate.connector.file.read;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by the delimiter, records by CRLF, LF or CR; a field in double quotes may hold
 * delimiters, line breaks and doubled quotes. A quote inside an unquoted field is kept as text (common in
 * hand-made files and harmless); text after a closing quote and an unterminated quote are errors, because the
 * field boundaries of the rest of the file can no longer be trusted. Each row is numbered by the line it starts on;
 * blank rows are dropped later by {@link Table}.
 */
public final class CsvParser {

    private final String text;
    private final char delimiter;
    private int pos;
    private int line = 1;

    private CsvParser(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    public static List<SourceRow> parse(String text, char delimiter) throws BadFileException {
        return new CsvParser(text, delimiter).rows();
    }

    private List<SourceRow> rows() throws BadFileException {
        List<SourceRow> rows = new ArrayList<>();
        while (pos < text.length()) {
            int startLine = line;
            List<String> cells = new ArrayList<>();
            boolean more = true;
            while (more) {
                cells.add(field());
                more = pos < text.length() && text.charAt(pos) == delimiter;
                if (more) {
                    pos++;
                }
            }
            endOfRecord();
            rows.add(new SourceRow(startLine, cells));
        }
        return rows;
    }

    private String field() throws BadFileException {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter && !isLineBreak(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() throws BadFileException {
        int startLine = line;
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new BadFileException("E_CSV", "quoted field starting on line " + startLine + " is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    b.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) != delimiter && !isLineBreak(text.charAt(pos))) {
                    throw new BadFileException("E_CSV", "line " + line + ": text after the closing quote of a field "
                            + "(a quote inside a field must be doubled)");
                }
                return b.toString();
            }
            if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                line++;
            }
            b.append(c);
        }
    }

    private void endOfRecord() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
