package org.creditgate.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditgate.testkit.ConnectorRouteTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditgate.connector.file.drop.Manifest;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-drop routes against the real ingest pipeline (TestGateway): a layout with Chinese headers mapped to
 * LIST fields, files dropped as a department would, outcomes read from done/, error/ and the result files.
 */
class FileDropRoutesTest extends ConnectorRouteTest<FileDropConnector> {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> CN = List.of("纳税人名称", "主体类别", "纳税人识别号", "法定代表人", "名单类别",
            "名单名称", "列入原因", "认定依据", "依据文号", "认定部门", "认定部门代码", "列入日期", "措施");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path drop;


    @Override
    protected FileDropConnector newConnector() {
        Map<String, Object> p = new HashMap<>();
        p.put("department", "demo");
        p.put("dir", drop.toString());
        p.put("pollInterval", "100ms");
        p.put("batchSize", "2");
        p.put("layout.cn.files", "名单*.csv, 名单*.xlsx");
        p.put("layout.cn.const.dataset", "LIST");
        for (int i = 0; i < CN.size(); i++) {
            String field = Drops.COLUMNS.get(i);
            p.put("layout.cn.map." + (field.equals("measureCodes") ? "measureCodes[]" : field), CN.get(i));
        }
        return new FileDropConnector(p);
    }

    @Test
    void goodAndBadRowsEndInDoneWithTheOutcomeOfEveryRow() throws Exception {
        List<List<String>> rows = new ArrayList<>(Drops.rows(1, 3));
        rows.get(1).set(2, "91350100M000100Y4Z");
        String csv = Drops.csv(CN, rows).replace("\r\n", "\r\n\r\n");
        drop("名单-1.csv", csv.getBytes(StandardCharsets.UTF_8), 3);

        JsonNode result = result("done", "名单-1.csv");
        assertThat(result.get("status").asText()).isEqualTo("DONE");
        assertThat(result.get("format").asText()).isEqualTo("CSV UTF-8");
        assertThat(result.get("summary").toString())
                .isEqualTo("{\"rows\":3,\"accepted\":2,\"alreadyAccepted\":0,\"rejected\":1}");
        JsonNode bad = result.get("rows").get(1);
        assertThat(bad.get("row").asInt()).as("row numbers as in the file (blank lines count)").isEqualTo(5);
        assertThat(bad.get("status").asText()).isEqualTo("REJECTED");
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("uscc");
        assertThat(bad.get("errors").get(0).get("column").asText()).isEqualTo("纳税人识别号");
        assertThat(result.get("rows").get(0).get("recordId").asText()).isNotBlank();
        assertThat(Files.exists(drop.resolve("done/名单-1.csv.manifest"))).isTrue();
        assertThat(Files.list(drop).filter(Files::isRegularFile)).as("inbox emptied").isEmpty();

        assertThat(gateway.rejections()).singleElement()
                .satisfies(r -> assertThat(r.payload()).contains("\"sourceRef\":\"名单-1.csv#5\""));
        assertThat(gateway.ingestCalls()).as("3 rows in batches of 2").isEqualTo(2);
        assertThat(gateway.lastSourceTime()).isPresent();
    }

    @Test
    void aWrongManifestSendsTheWholeFileToErrorAndIngestsNothing() throws Exception {
        byte[] data = Drops.csv(CN, Drops.rows(1, 2)).getBytes(StandardCharsets.UTF_8);
        Files.write(drop.resolve("名单-2.csv"), data);
        Files.writeString(drop.resolve("名单-2.csv.manifest"), Manifest.text(data, 3));

        JsonNode result = result("error", "名单-2.csv");
        assertThat(result.get("status").asText()).isEqualTo("ERROR");
        assertThat(result.get("error").get("code").asText()).isEqualTo("E_MANIFEST_COUNT");
        assertThat(result.get("rows")).isEmpty();
        assertThat(gateway.ingestCalls()).isZero();

        Files.write(drop.resolve("名单-3.csv"), data);
        Files.writeString(drop.resolve("名单-3.csv.manifest"), Manifest.text("changed".getBytes(), 2));
        assertThat(result("error", "名单-3.csv").get("error").get("code").asText()).isEqualTo("E_MANIFEST_DIGEST");
    }

    @Test
    void aFileWithoutManifestWaitsAndOtherFilesGoOn() throws Exception {
        Files.write(drop.resolve("名单-4.csv"), Drops.csv(CN, Drops.rows(1, 1)).getBytes(StandardCharsets.UTF_8));
        drop("名单-5.csv", Drops.csv(CN, Drops.rows(2, 1)).getBytes(StandardCharsets.UTF_8), 1);
        result("done", "名单-5.csv");
        assertThat(drop.resolve("名单-4.csv")).exists();
        assertThat(drop.resolve("done/名单-4.csv")).doesNotExist();
    }

    @Test
    void whenTheCoreIsDownTheFileStaysAndIsRetried() throws Exception {
        gateway.failIngest("broker down");
        Path file = drop("名单-6.csv", Drops.csv(CN, Drops.rows(1, 3)).getBytes(StandardCharsets.UTF_8), 3);
        await().atMost(WAIT).until(() -> gateway.ingestCalls() >= 3);
        assertThat(file).exists();
        assertThat(Manifest.of(file)).exists();
        assertThat(drop.resolve("error")).doesNotExist();

        gateway.failIngest(null);
        JsonNode result = result("done", "名单-6.csv");
        assertThat(result.get("summary").get("accepted").asInt()).isEqualTo(3);
        assertThat(gateway.queuedVersions()).isEqualTo(3);
    }

    @Test
    void aReDroppedFileCreatesNoDuplicatesAndKeepsBothResults() throws Exception {
        byte[] data = Drops.csv(CN, Drops.rows(1, 3)).getBytes(Charset.forName("GBK"));
        drop("名单-7.csv", data, 3);
        assertThat(result("done", "名单-7.csv").get("format").asText()).isEqualTo("CSV GBK");
        drop("名单-7.csv", data, 3);

        JsonNode again = result("done", "名单-7~2.csv");
        assertThat(again.get("summary").get("alreadyAccepted").asInt()).isEqualTo(3);
        assertThat(gateway.queuedVersions()).isEqualTo(3);
        assertThat(gateway.enqueued()).hasSize(3);
        assertThat(drop.resolve("done/名单-7.csv.result.json")).exists();
    }

    @Test
    void xlsxFilesAreIngestedAndAFileMatchingNoLayoutGoesToError() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("名单");
            List<List<String>> table = new ArrayList<>();
            table.add(CN);
            table.addAll(Drops.rows(10, 2));
            for (int r = 0; r < table.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < CN.size(); c++) {
                    row.createCell(c).setCellValue(table.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            drop("名单-8.xlsx", out.toByteArray(), 2);
        }
        JsonNode result = result("done", "名单-8.xlsx");
        assertThat(result.get("format").asText()).isEqualTo("XLSX");
        assertThat(result.get("summary").get("accepted").asInt()).isEqualTo(2);

        drop("other.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(result("error", "other.csv").get("error").get("code").asText()).isEqualTo("E_NO_LAYOUT");
    }

    private Path drop(String name, byte[] data, int rows) {
        return Drops.drop(drop, name, data, rows);
    }

    private JsonNode result(String dir, String name) throws Exception {
        Path result = drop.resolve(dir).resolve(name + ".result.json");
        // the manifest moves last: once it is there, the file is finished
        await().atMost(WAIT).until(() -> Files.exists(result) && Files.exists(drop.resolve(dir).resolve(name))
                && Files.exists(drop.resolve(dir).resolve(name + ".manifest")));
        return JSON.readTree(result.toFile());
    }
}
