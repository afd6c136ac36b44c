package org.creditgate.connector.file.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the rows of one sheet of an XLSX file with java.util.zip and StAX — no POI inside Karaf, and every size bounded
 * ({@link XlsxPackage}). Resolves the sheet through workbook.xml and its relationships, strings through the shared
 * string table, dates through the cell styles ({@link CellStyles}).
 */
public final class XlsxReader {

    static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELS = "xl/_rels/workbook.xml.rels";

    private XlsxReader() {
    }

    /** Every row of the sheet (the first, or the one named), numbered as in the workbook. */
    public static List<SourceRow> read(Path file, Optional<String> sheetName, ReadLimits limits)
            throws BadFileException {
        try (XlsxPackage pkg = XlsxPackage.open(file, limits)) {
            Workbook wb = workbook(pkg);
            String target = sheetTarget(pkg, wb, sheetName);
            List<String> strings = sharedStrings(pkg);
            CellStyles styles = CellStyles.read(pkg.part("xl/styles.xml"), wb.date1904());
            try (InputStream in = pkg.part(target).orElseThrow(() -> new BadFileException("E_XLSX",
                    "the workbook names sheet part " + target + " but the file has none"))) {
                return new SheetParser(strings, styles, limits.formulasCached()).rows(Xml.reader(in));
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw new BadFileException("E_XLSX", "malformed XLSX: " + e.getMessage());
        }
    }

    private record Workbook(Map<String, String> sheetIdsByName, boolean date1904) {
    }

    private static Workbook workbook(XlsxPackage pkg) throws XMLStreamException, BadFileException, IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        boolean date1904 = false;
        try (InputStream in = pkg.part(WORKBOOK).orElseThrow(() -> new BadFileException("E_XLSX",
                "not an XLSX workbook (no " + WORKBOOK + ")"))) {
            XMLStreamReader r = Xml.reader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (r.getLocalName().equals("sheet")) {
                    sheets.put(Xml.attr(r, "name"), Xml.attr(r, "id"));
                } else if (r.getLocalName().equals("workbookPr")) {
                    String v = Xml.attr(r, "date1904");
                    date1904 = "1".equals(v) || "true".equals(v);
                }
            }
        }
        if (sheets.isEmpty()) {
            throw new BadFileException("E_XLSX", "the workbook has no sheet");
        }
        return new Workbook(sheets, date1904);
    }

    private static String sheetTarget(XlsxPackage pkg, Workbook wb, Optional<String> name)
            throws XMLStreamException, BadFileException, IOException {
        String relId = name.isPresent() ? wb.sheetIdsByName().get(name.get())
                : wb.sheetIdsByName().values().iterator().next();
        if (relId == null) {
            throw new BadFileException("E_XLSX", "no sheet named '" + name.get() + "' (sheets: "
                    + String.join(", ", wb.sheetIdsByName().keySet()) + ")");
        }
        try (InputStream in = pkg.part(RELS).orElseThrow(() -> new BadFileException("E_XLSX", "no " + RELS))) {
            XMLStreamReader r = Xml.reader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && relId.equals(Xml.attr(r, "Id"))) {
                    String t = Xml.attr(r, "Target");
                    return t.startsWith("/") ? t.substring(1) : "xl/" + t;
                }
            }
        }
        throw new BadFileException("E_XLSX", "sheet relationship " + relId + " not found");
    }

    private static List<String> sharedStrings(XlsxPackage pkg)
            throws XMLStreamException, IOException, BadFileException {
        List<String> strings = new ArrayList<>();
        Optional<InputStream> part = pkg.part("xl/sharedStrings.xml");
        if (part.isEmpty()) {
            return strings;
        }
        try (InputStream in = part.get()) {
            XMLStreamReader r = Xml.reader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
                    strings.add(Xml.richText(r));
                }
            }
        }
        return strings;
    }
}
