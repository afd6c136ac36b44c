package org.creditgate.connector.file.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.creditgate.connector.file.read.SourceRow.CellProblem;

/**
 * The rows of one worksheet part. A cell's text is what a user sees as its value: shared or inline strings as
 * written, numbers without a spurious {@code .0}, dates as ISO dates. A formula counts by its cached result — or,
 * if so configured or when the file has no cached result, as a problem that rejects its row.
 */
final class SheetParser {

    /** Excel's column limit; a reference beyond it is a broken file, not a reason to allocate. */
    private static final int MAX_COLUMNS = 16_384;
    /** Widest decimal exponent of a numeric cell read as a number (Excel itself stops at 1E308). */
    private static final int MAX_SCALE = 400;

    private final List<String> strings;
    private final CellStyles styles;
    private final boolean formulasCached;

    SheetParser(List<String> strings, CellStyles styles, boolean formulasCached) {
        this.strings = strings;
        this.styles = styles;
        this.formulasCached = formulasCached;
    }

    private static final class Cell {
        int column;
        String type;
        String style;
        boolean formula;
        String value;
        String inline;
    }

    List<SourceRow> rows(XMLStreamReader r) throws XMLStreamException {
        List<SourceRow> rows = new ArrayList<>();
        int rowNumber = 0;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")) {
                String ref = Xml.attr(r, "r");
                rowNumber = ref == null ? rowNumber + 1 : Integer.parseInt(ref);
                rows.add(row(r, rowNumber));
            }
        }
        return rows;
    }

    private SourceRow row(XMLStreamReader r, int number) throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        List<CellProblem> problems = new ArrayList<>();
        int next = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
                Cell c = cell(r, next);
                next = c.column + 1;
                while (cells.size() <= c.column) {
                    cells.add("");
                }
                cells.set(c.column, value(c, problems));
            }
        }
        return new SourceRow(number, cells, problems);
    }

    private Cell cell(XMLStreamReader r, int next) throws XMLStreamException {
        Cell c = new Cell();
        String ref = Xml.attr(r, "r");
        c.column = ref == null ? next : column(ref);
        c.type = Xml.attr(r, "t");
        c.style = Xml.attr(r, "s");
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "f" -> {
                        c.formula = true;
                        r.getElementText();
                    }
                    case "v" -> c.value = r.getElementText();
                    case "is" -> c.inline = Xml.richText(r);
                    default -> { }
                }
            }
        }
        return c;
    }

    private String value(Cell c, List<CellProblem> problems) {
        if (c.formula && !formulasCached) {
            problems.add(new CellProblem(c.column, "E_FORMULA", "formula cells are not accepted (formulas=reject)"));
            return "";
        }
        if (c.formula && c.value == null) {
            problems.add(new CellProblem(c.column, "E_FORMULA", "formula without a saved result; open and save "
                    + "the file in Excel, or paste values"));
            return "";
        }
        String type = c.type == null ? "n" : c.type;
        return switch (type) {
            case "s" -> strings.get(Integer.parseInt(c.value.strip()));
            case "inlineStr" -> c.inline == null ? "" : c.inline;
            case "b" -> "1".equals(c.value) ? "TRUE" : "FALSE";
            case "e" -> {
                problems.add(new CellProblem(c.column, "E_CELL_ERROR", "Excel error value " + c.value));
                yield "";
            }
            case "n" -> number(c);
            default -> c.value == null ? "" : c.value;
        };
    }

    private String number(Cell c) {
        if (c.value == null || c.value.isBlank()) {
            return "";
        }
        String v = c.value.strip();
        BigDecimal n = new BigDecimal(v);
        if (Math.abs((long) n.scale()) > MAX_SCALE) {
            // 1E999999999 is a valid <v> but a billion digits in plain notation or as a date serial: no cell value
            // of any record is near it, so the text goes on as written and fails validation as no number or date
            return v;
        }
        if (styles.isDate(c.style)) {
            return styles.dateText(v);
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** Zero-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (col > MAX_COLUMNS) {
                throw new IllegalArgumentException("cell reference " + ref + " is beyond column XFD");
            }
        }
        if (col == 0) {
            throw new IllegalArgumentException("cell reference " + ref + " has no column");
        }
        return col - 1;
    }
}
