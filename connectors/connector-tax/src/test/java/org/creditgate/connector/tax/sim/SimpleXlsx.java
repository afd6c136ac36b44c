package org.creditgate.connector.tax.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal XLSX writer, so the simulator needs no POI (its test-jar is used by the integration tests). It writes
 * what Excel writes: the header through the shared string table, data cells as inline strings, and ISO dates as
 * day numbers with a date style — so a reader has to handle all three.
 */
final class SimpleXlsx {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private SimpleXlsx() {
    }

    static byte[] write(String sheetName, List<String> header, List<List<String>> rows) {
        Map<String, Integer> shared = new LinkedHashMap<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append("<row r=\"1\">");
        for (int c = 0; c < header.size(); c++) {
            int index = shared.computeIfAbsent(header.get(c), h -> shared.size());
            sheet.append("<c r=\"").append(ref(c, 1)).append("\" t=\"s\"><v>").append(index).append("</v></c>");
        }
        sheet.append("</row>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 2).append("\">");
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                sheet.append(cell(ref(c, r + 2), row.get(c)));
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        return zip(sheetName, sheet.toString(), new ArrayList<>(shared.keySet()));
    }

    private static String cell(String ref, String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (ISO_DATE.matcher(value).matches()) {
            long serial = ChronoUnit.DAYS.between(EPOCH, LocalDate.parse(value));
            return "<c r=\"" + ref + "\" s=\"1\"><v>" + serial + "</v></c>";
        }
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + esc(value) + "</t></is></c>";
    }

    private static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + row;
    }

    private static byte[] zip(String sheetName, String sheet, List<String> strings) {
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size()
                + "\" uniqueCount=\"" + strings.size() + "\">");
        strings.forEach(s -> sst.append("<si><t>").append(esc(s)).append("</t></si>"));
        sst.append("</sst>");
        String ns = "http://schemas.openxmlformats.org/";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"" + ns
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
                + "application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\""
                + "/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns
                + "spreadsheetml/2006/main\" xmlns:r=\"" + ns + "officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"" + esc(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + ns + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/"
                + "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + ns
                + "spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" "
                + "applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        parts.put("xl/sharedStrings.xml", sst.toString());
        parts.put("xl/worksheets/sheet1.xml", sheet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
