package org.creditgate.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.creditgate.connector.file.layout.Layout;
import org.junit.jupiter.api.Test;

/** Activation-time validation: every mistake in a layout names the PID and the full key. */
class FileDropSettingsTest {

    private static final String PID = "org.creditgate.connector.file.7a2e";

    private static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", PID);
        p.put("department", "swj");
        p.put("dir", "/tmp/drop");
        p.put("layout.red.files", "*A级*.csv, *A级*.xlsx");
        p.put("layout.red.map.subjectName", "纳税人名称");
        p.put("layout.red.map.uscc", "纳税人识别号");
        p.put("layout.red.map.measureCodes[]", "措施");
        p.put("layout.red.const.dataset", "LIST");
        p.put("layout.red.const.listKind", "RED");
        p.put("layout.black.files", "*重大税收违法*");
        p.put("layout.black.headerRow", "2");
        p.put("layout.black.sheet", "名单");
        return p;
    }

    private static String problem(Map<String, Object> p) {
        return new FileDropConnector(p).problem().orElse("");
    }

    @Test
    void aValidConfigurationGivesTypedLayoutsSortedByName() {
        FileDropSettings s = new FileDropConnector(valid()).settings().orElseThrow();
        assertThat(s.layouts()).extracting(Layout::name).containsExactly("black", "red");
        Layout red = s.layouts().get(1);
        assertThat(red.matches("2026年纳税信用A级纳税人名单.CSV")).isTrue();
        assertThat(red.matches("重大税收违法失信主体.csv")).isFalse();
        assertThat(red.columnOf("uscc")).isEqualTo("纳税人识别号");
        assertThat(red.columnOf("measureCodes")).isEqualTo("措施");
        assertThat(s.layouts().get(0).headerRow()).isEqualTo(2);
        assertThat(s.layouts().get(0).sheet()).contains("名单");
        assertThat(s.batchSize()).isEqualTo(500);
        assertThat(s.encoding()).isEmpty();
        assertThat(s.doneDir().toString()).isEqualTo("/tmp/drop/done");
    }

    @Test
    void anUnknownLayoutKeyIsAProblem() {
        Map<String, Object> p = valid();
        p.put("layout.red.filez", "x");
        assertThat(problem(p)).contains(PID).contains("layout.red.filez").contains("unknown layout key");
    }

    @Test
    void aLayoutWithoutFilesIsAProblem() {
        Map<String, Object> p = valid();
        p.remove("layout.black.files");
        assertThat(problem(p)).contains(PID).contains("layout.black.files").contains("is required");
    }

    @Test
    void anUnknownTargetFieldIsAProblemNamingTheDatasetFields() {
        Map<String, Object> p = valid();
        p.put("layout.red.map.usci", "纳税人识别号");
        assertThat(problem(p)).contains(PID).contains("layout.red.map.usci").contains("not a record field of LIST")
                .contains("listKind");
        Map<String, Object> q = valid();
        q.put("layout.black.const.nonsense", "1");
        assertThat(problem(q)).contains("layout.black.const.nonsense");
    }

    @Test
    void anUnknownDatasetOrAMissingLayoutNameIsAProblem() {
        Map<String, Object> p = valid();
        p.put("layout.red.const.dataset", "LISTS");
        assertThat(problem(p)).contains("layout.red.const.dataset").contains("not a dataset");
        Map<String, Object> q = valid();
        q.put("layout.files", "*.csv");
        assertThat(problem(q)).contains("layout.files").contains("layout.<name>.<key>");
    }

    @Test
    void noLayoutAtAllIsAProblem() {
        Map<String, Object> p = valid();
        p.keySet().removeIf(k -> k.startsWith("layout."));
        assertThat(problem(p)).contains(PID).contains("layout.").contains("at least one");
    }

    @Test
    void limitsAndChoicesAreChecked() {
        Map<String, Object> p = valid();
        p.put("batchSize", "501");
        assertThat(problem(p)).contains("batchSize").contains("between 1 and 500");
        p = valid();
        p.put("encoding", "KOI9");
        assertThat(problem(p)).contains("encoding");
        p = valid();
        p.put("formulas", "evaluate");
        assertThat(problem(p)).contains("formulas");
        p = valid();
        p.put("csv.delimiter", ";;");
        assertThat(problem(p)).contains("csv.delimiter");
        p = valid();
        p.put("layout.red.headerRow", "0");
        assertThat(problem(p)).contains("layout.red.headerRow");
        p = valid();
        p.put("layout.red.map.sourceRef", "行号");
        assertThat(problem(p)).contains("layout.red.map.sourceRef");
        p = valid();
        p.put("xlsx.maxEntries", "0");
        assertThat(problem(p)).contains("xlsx.maxEntries").contains("positive");
    }

    @Test
    void globsAreLiteralExceptStarAndQuestionMark() {
        Layout l = new Layout("x", java.util.List.of("a.b?*.csv"), 1, java.util.Optional.empty(), Map.of(), Map.of());
        assertThat(l.matches("a.b1-2026.csv")).isTrue();
        assertThat(l.matches("aXb1.csv")).isFalse();
        assertThat(l.matches("a.b.csvx")).isFalse();
    }
}
