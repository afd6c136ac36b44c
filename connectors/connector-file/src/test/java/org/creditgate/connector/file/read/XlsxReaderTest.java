package org.creditgate.connector.file.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX files written by Apache POI (an independent writer), read back by our zip + StAX reader. */
class XlsxReaderTest {

    @TempDir
    Path dir;

    private static final ReadLimits LIMITS = new ReadLimits(1 << 20, 10 << 20, 100, true);

    @Test
    void sharedStringsNumbersAndDatesReadAsTheUserSeesThem() throws Exception {
        byte[] xlsx = write(new XSSFWorkbook(), true);
        List<SourceRow> rows = XlsxReader.read(file(xlsx), Optional.empty(), LIMITS);
        Table t = Table.of("XLSX", rows, 1);
        assertThat(t.header()).containsExactly("纳税人名称", "纳税人识别号", "评价年度", "列入日期", "金额");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).number()).isEqualTo(2);
        assertThat(t.rows().get(0).cells()).containsExactly("福州某某科技有限公司", "91350100M000100Y43", "2025",
                "2026-11-01", "0.2");
        assertThat(t.rows().get(1).number()).as("a blank row in between keeps the numbering").isEqualTo(4);
    }

    @Test
    void inlineStringsAreRead() throws Exception {
        SXSSFWorkbook streaming = new SXSSFWorkbook();
        byte[] xlsx = write(streaming, false);
        streaming.dispose();
        Table t = Table.of("XLSX", XlsxReader.read(file(xlsx), Optional.empty(), LIMITS), 1);
        assertThat(t.header()).startsWith("纳税人名称", "纳税人识别号");
        assertThat(t.rows().get(0).cells()).startsWith("福州某某科技有限公司", "91350100M000100Y43");
    }

    @Test
    void aSheetCanBeChosenByName() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("readme");
            Sheet data = wb.createSheet("名单");
            data.createRow(0).createCell(0).setCellValue("名称");
            data.createRow(1).createCell(0).setCellValue("甲");
            byte[] xlsx = bytes(wb);
            assertThat(XlsxReader.read(file(xlsx), Optional.of("名单"), LIMITS)).extracting(SourceRow::cells)
                    .containsExactly(List.of("名称"), List.of("甲"));
            assertThatThrownBy(() -> XlsxReader.read(file(xlsx), Optional.of("Sheet9"), LIMITS))
                    .hasMessageContaining("no sheet named 'Sheet9'");
        }
    }

    @Test
    void formulasGiveTheirCachedValueOrRejectTheRow() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("s");
            s.createRow(0).createCell(0).setCellValue("金额");
            Cell cached = s.createRow(1).createCell(0);
            cached.setCellFormula("0.1+0.1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cached);
            s.createRow(2).createCell(0).setCellFormula("A2*2");
            byte[] xlsx = bytes(wb);

            List<SourceRow> rows = XlsxReader.read(file(xlsx), Optional.empty(), LIMITS);
            assertThat(rows.get(1).cells()).containsExactly("0.2");
            assertThat(rows.get(1).problems()).isEmpty();
            assertThat(rows.get(2).problems()).singleElement()
                    .satisfies(p -> assertThat(p.code()).isEqualTo("E_FORMULA"));

            ReadLimits reject = new ReadLimits(1 << 20, 10 << 20, 100, false);
            assertThat(XlsxReader.read(file(xlsx), Optional.empty(), reject).get(1).problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("formulas=reject"));
        }
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).as("64 MiB compressed").isLessThan(200_000);
        ReadLimits small = new ReadLimits(1 << 20, 8 << 20, 100, true);
        assertThatThrownBy(() -> XlsxReader.read(file(out.toByteArray()), Optional.empty(), small))
                .isInstanceOf(BadFileException.class).hasMessageContaining("more than 8388608 bytes")
                .extracting(e -> ((BadFileException) e).code()).isEqualTo("E_ZIP_BOMB");
    }

    @Test
    void tooManyEntriesAndNonZipFilesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 100; i++) {
                zip.putNextEntry(new ZipEntry("xl/e" + i + ".xml"));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> XlsxReader.read(file(out.toByteArray()), Optional.empty(), LIMITS))
                .hasMessageContaining("more than 100 zip entries")
                .extracting(e -> ((BadFileException) e).code()).isEqualTo("E_ZIP_BOMB");
        assertThatThrownBy(() -> XlsxReader.read(file("a,b\n".getBytes()), Optional.empty(), LIMITS))
                .extracting(e -> ((BadFileException) e).code()).isEqualTo("E_XLSX");
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<workbook><sheets><sheet name=\"&x;\" id=\"rId1\"/></sheets></workbook>").getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> XlsxReader.read(file(out.toByteArray()), Optional.empty(), LIMITS))
                .isInstanceOf(BadFileException.class).hasMessageNotContaining("root:");
    }

    @Test
    void columnReferences() {
        assertThat(SheetParser.column("A1")).isZero();
        assertThat(SheetParser.column("Z9")).isEqualTo(25);
        assertThat(SheetParser.column("AB12")).isEqualTo(27);
        assertThatThrownBy(() -> SheetParser.column("ZZZZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] write(Workbook wb, boolean blankRow) throws IOException {
        Sheet s = wb.createSheet("名单");
        Row h = s.createRow(0);
        String[] header = {"纳税人名称", "纳税人识别号", "评价年度", "列入日期", "金额"};
        for (int i = 0; i < header.length; i++) {
            h.createCell(i).setCellValue(header[i]);
        }
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        for (int r : blankRow ? new int[] {1, 3} : new int[] {1}) {
            Row row = s.createRow(r);
            row.createCell(0).setCellValue("福州某某科技有限公司");
            row.createCell(1).setCellValue("91350100M000100Y43");
            row.createCell(2).setCellValue(2025);
            Cell d = row.createCell(3);
            d.setCellValue(LocalDate.of(2026, 11, 1));
            d.setCellStyle(date);
            row.createCell(4).setCellValue(0.2);
        }
        if (blankRow) {
            s.createRow(2).createCell(0).setCellValue("   ");
        }
        return bytes(wb);
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "t", ".xlsx"), bytes);
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }
}
