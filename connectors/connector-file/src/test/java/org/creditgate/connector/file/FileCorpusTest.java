package org.creditgate.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.connector.file.drop.DropFolders;
import org.creditgate.connector.file.drop.FileProcessor;
import org.creditgate.connector.file.drop.FileReport;
import org.creditgate.connector.file.read.DataFiles;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.testkit.CapturedStderr;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the file-drop surface ({@code src/test/resources/corpus/file/manifest.tsv}): each entry is
 * dropped with a correct manifest and processed by the connector's {@link FileProcessor} against the real ingest
 * pipeline ({@link TestGateway}); it must end in done/ or error/ exactly as listed, with a result file naming the
 * reason, quickly, and store nothing but accepted rows and rejections.
 */
class FileCorpusTest {

    private static final String DIR = "/corpus/file/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "java.", "javax.", "org.apache",
            "org.creditgate", "Caused by");

    @TempDir
    Path drop;

    record Case(String name, String file, String options, String outcome, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : resourceText("manifest.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            assertThat(c).as(line).hasSize(6);
            cases.add(Arguments.of(new Case(c[0], c[1], c[2], c[3], c[4], c[5])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusDropEndsAsListed(Case c) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("department", "corpus");
        p.put("dir", drop.toString());
        p.put("xlsx.maxUncompressedBytes", "8000000");
        p.put("layout.list.files", "list_*.csv, list_*.xlsx, list_*.xls");
        p.put("layout.list.const.dataset", "LIST");
        if (!c.options().equals("-")) {
            for (String kv : c.options().split(",")) {
                p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        FileDropConnector connector = new FileDropConnector(p);
        FileDropSettings s = connector.settings().orElseThrow(() -> new AssertionError(connector.problem()));
        String name = c.file().startsWith("gen:") ? "list_" + c.name() + (c.file().contains("xlsx") ? ".xlsx" : ".csv")
                : c.file();
        byte[] data = c.file().startsWith("gen:") ? generate(c.file().substring(4)) : resource(c.file());
        Drops.drop(drop, name, data, dataRows(c));

        try (TestGateway gateway = new TestGateway(connector.descriptor()); CapturedStderr log = CapturedStderr.start()) {
            FileProcessor processor = new FileProcessor(gateway, s.layouts(),
                    new DataFiles.Options(s.encoding(), s.csvDelimiter(), s.limits()),
                    new DropFolders(s.dir(), s.doneDir(), s.errorDir()), s.batchSize(), s.sourceRefField());
            long start = System.nanoTime();
            FileReport report = processor.process(name);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("processed in time").isLessThan(WITHIN);
            assertThat(report).isNotNull();

            boolean error = c.outcome().equals("ERROR");
            Path folder = error ? s.errorDir() : s.doneDir();
            assertThat(folder.resolve(name)).as("the file moved to " + folder.getFileName()).exists();
            assertThat(drop.resolve(name)).doesNotExist();
            String resultText = Files.readString(folder.resolve(name + DropFolders.RESULT_SUFFIX));
            INTERNALS.forEach(i -> assertThat(resultText).as("no internals in the result file").doesNotContain(i));
            assertThat(resultText).doesNotContain(SampleRecords.CITIZEN_ID);
            assertThat(log.text()).as("log").doesNotContain(SampleRecords.CITIZEN_ID);
            JsonNode result = JSON.readTree(resultText);

            if (error) {
                assertThat(result.path("status").asText()).isEqualTo("ERROR");
                assertThat(result.path("error").path("code").asText()).as(resultText).isEqualTo(c.code());
                assertThat(result.path("error").path("message").asText()).as("a reason").isNotBlank();
                assertThat(result.path("rows")).isEmpty();
                assertThat(gateway.ingestCalls()).as("nothing ingested").isZero();
                return;
            }
            assertThat(result.path("status").asText()).as(resultText).isEqualTo("DONE");
            JsonNode rows = result.path("rows");
            switch (c.code()) {
                case "NONE" -> assertThat(rows).isEmpty();
                case "ACCEPTED" -> {
                    assertThat(rows).as(resultText).isNotEmpty().allSatisfy(r ->
                            assertThat(r.path("status").asText()).isEqualTo("ACCEPTED"));
                    assertThat(gateway.queuedVersions()).isEqualTo(rows.size());
                    assertStoredVerbatim(gateway, data, name);
                }
                default -> {
                    String code = c.code().substring("REJECTED:".length());
                    JsonNode row = rows.path(0);
                    assertThat(row.path("row").asInt()).isEqualTo(2);
                    assertThat(row.path("status").asText()).as(resultText).isEqualTo("REJECTED");
                    assertThat(row.path("errors")).as(resultText).anySatisfy(e -> {
                        assertThat(e.path("code").asText()).isEqualTo(code);
                        assertThat(e.path("field").asText()).isEqualTo(c.field());
                        assertThat(e.path("column").asText()).isEqualTo(c.field());
                        assertThat(e.path("message").asText()).isNotBlank();
                    });
                    assertThat(gateway.ledgerCounts().getOrDefault(RecordState.QUEUED, 0L)).as("nothing stored")
                            .isZero();
                    assertThat(gateway.enqueued()).isEmpty();
                }
            }
        }
    }

    /** Formula prefixes, SQL-looking text: the stored record holds every text cell exactly as the file had it. */
    private static void assertStoredVerbatim(TestGateway gateway, byte[] data, String name) throws IOException {
        if (!name.endsWith(".csv") || !(name.contains("formula") || name.contains("sql"))) {
            return;
        }
        Set<String> stored = new HashSet<>();
        gateway.enqueued().forEach(o -> {
            try {
                collect(JSON.readTree(o.payload()), stored);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\r\n");
        for (String cell : lines[1].split(",")) {
            String v = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
            if (v.startsWith("=") || v.startsWith("+") || v.startsWith("@") || v.startsWith("-") || v.contains("'")) {
                assertThat(stored).as("stored verbatim").contains(v);
            }
        }
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    /** The manifest's count: non-blank rows after the header (what the sender would declare). */
    private static int dataRows(Case c) {
        if (c.file().startsWith("gen:csv")) {
            return 1;
        }
        if (c.file().startsWith("gen:")) {
            return 1;
        }
        return switch (c.file()) {
            case "list_valid-utf8.csv" -> 2;
            case "list_header-only.csv", "list_empty.csv" -> 0;
            default -> 1;
        };
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FileCorpusTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as("corpus file " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String resourceText(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    // ---- generated inputs: too big, too binary or too crafted to commit ----

    private static byte[] generate(String gen) throws IOException {
        List<String> row = Drops.row(900 + Math.abs(gen.hashCode() % 1000));
        return switch (gen) {
            case "csv-2100000" -> {
                String header = String.join(",", Drops.COLUMNS) + "\r\n";
                List<String> big = new ArrayList<>(row);
                big.set(Drops.COLUMNS.indexOf("reason"), "x".repeat(2_100_000));
                yield (header + String.join(",", big) + "\r\n").getBytes(StandardCharsets.UTF_8);
            }
            case "xlsx-valid" -> xlsx(Map.of(), sheet(cells(row)));
            case "xlsx-zip-bomb" -> zipBomb(200_000_000L);
            case "xlsx-entries-600" -> {
                Map<String, byte[]> extra = new HashMap<>();
                for (int i = 0; i < 600; i++) {
                    extra.put("xl/media/image" + i + ".png", new byte[] {1});
                }
                yield xlsx(extra, sheet(cells(row)));
            }
            case "xlsx-xxe" -> xlsx(Map.of("xl/sharedStrings.xml", ("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x "
                    + "SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"" + NS + "\"><si><t>&x;</t></si></sst>")
                    .getBytes(StandardCharsets.UTF_8)), sheet(sharedFirstCell(row)));
            case "xlsx-billion-laughs" -> xlsx(Map.of("xl/sharedStrings.xml", laughs()), sheet(sharedFirstCell(row)));
            case "xlsx-truncated" -> {
                byte[] whole = xlsx(Map.of(), sheet(cells(row)));
                yield java.util.Arrays.copyOf(whole, whole.length / 2);
            }
            case "xlsx-bad-shared-string" -> xlsx(Map.of("xl/sharedStrings.xml", ("<sst xmlns=\"" + NS + "\"><si><t>a"
                    + "</t></si></sst>").getBytes(StandardCharsets.UTF_8)), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>", "<c r=\"A2\" t=\"s\"><v>99999</v></c>")));
            case "xlsx-bad-column" -> xlsx(Map.of(), sheet(cells(row).replace("r=\"A2\"", "r=\"ZZZZZZZZ2\"")));
            case "xlsx-formula-cached" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>([^<]*)</t></is></c>",
                    "<c r=\"A2\" t=\"str\"><f>cmd|' /C calc'!A0</f><v>$1</v></c>")));
            case "xlsx-formula-uncached" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>",
                    "<c r=\"A2\"><f>cmd|' /C calc'!A0</f></c>")));
            case "xlsx-error-cell" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>", "<c r=\"A2\" t=\"e\"><v>#REF!</v></c>")));
            case "xlsx-huge-exponent" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"L2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>", "<c r=\"L2\"><v>1E-999999999</v></c>")));
            case "xlsx-control-chars" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>",
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>福州&#x9b;2J某某</t></is></c>")));
            case "xlsx-invalid-xml-char" -> xlsx(Map.of(), sheet(cells(row).replaceFirst(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>",
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>福州&#x1b;[2J某某</t></is></c>")));
            default -> throw new IllegalArgumentException("no generator " + gen);
        };
    }

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Header and one data row as inline strings, cells A..M. */
    private static String cells(List<String> row) {
        StringBuilder b = new StringBuilder();
        List<List<String>> rows = List.of(Drops.COLUMNS, row);
        for (int r = 0; r < rows.size(); r++) {
            b.append("<row r=\"").append(r + 1).append("\">");
            for (int col = 0; col < rows.get(r).size(); col++) {
                b.append("<c r=\"").append((char) ('A' + col)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                        .append(rows.get(r).get(col)).append("</t></is></c>");
            }
            b.append("</row>");
        }
        return b.toString();
    }

    private static String sharedFirstCell(List<String> row) {
        return cells(row).replaceFirst("<c r=\"A2\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>",
                "<c r=\"A2\" t=\"s\"><v>0</v></c>");
    }

    private static byte[] sheet(String rows) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>" + rows
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] laughs() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]><sst xmlns=\"").append(NS).append("\"><si><t>&l10;</t></si></sst>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose sheet inflates to {@code bytes} of spaces (about 200 KB compressed), written streaming. */
    private static byte[] zipBomb(long bytes) throws IOException {
        byte[] valid = xlsx(Map.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                        new java.io.ByteArrayInputStream(valid))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long written = 0; written < bytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A minimal workbook: workbook.xml, its relationships, the sheet, and any extra (or replacing) parts. */
    private static byte[] xlsx(Map<String, byte[]> parts, byte[] sheet) throws IOException {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>();
        all.put("xl/workbook.xml", ("<workbook xmlns=\"" + NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        all.put("xl/_rels/workbook.xml.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        if (sheet != null) {
            all.put("xl/worksheets/sheet1.xml", sheet);
        }
        all.putAll(parts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
