package org.creditgate.spi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FieldMapping legacy = new FieldMapping(
            Map.of("CF_SY", "处罚事由", "CF_CFLB", "处罚类别1 + 处罚类别2", "measureCodes[]", "惩戒措施"),
            Map.of("dataset", "PENALTY"));

    @Test
    void rowsAreRenamedJoinedSplitAndBlankCellsLeftOut() throws Exception {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("处罚事由", " 生产、销售不合格产品 ");
        row.put("处罚类别1", "警告");
        row.put("处罚类别2", "罚款");
        row.put("惩戒措施", "C0101、C0203; C0301");
        row.put("unmapped", "ignored");

        ObjectNode out = legacy.apply(row);

        assertThat(out).isEqualTo(JSON.readTree("{\"dataset\":\"PENALTY\",\"CF_SY\":\"生产、销售不合格产品\","
                + "\"CF_CFLB\":\"警告;罚款\",\"measureCodes\":[\"C0101\",\"C0203\",\"C0301\"]}"));
        assertThat(legacy.apply(Map.of("处罚类别2", "罚款")).get("CF_CFLB").asText()).isEqualTo("罚款");
        assertThat(legacy.apply(Map.of("处罚事由", "  ")).has("CF_SY")).isFalse();
    }

    @Test
    void jsonRecordsKeepUnmappedKeysWithPassthrough() throws Exception {
        ObjectNode in = (ObjectNode) JSON.readTree("{\"CF_WSH\":\"榕市监罚〔2026〕12号\",\"处罚事由\":\"x\","
                + "\"处罚类别1\":\"警告\",\"age\":76}");

        ObjectNode kept = legacy.rename(in, true);
        ObjectNode strict = legacy.rename(in, false);

        assertThat(kept.get("CF_WSH").asText()).isEqualTo("榕市监罚〔2026〕12号");
        assertThat(kept.get("CF_SY").asText()).isEqualTo("x");
        assertThat(kept.get("CF_CFLB").asText()).isEqualTo("警告");
        assertThat(kept.get("age").isInt()).isTrue();
        assertThat(kept.has("处罚事由")).isFalse();
        assertThat(strict.has("CF_WSH")).isFalse();
        assertThat(strict.get("dataset").asText()).isEqualTo("PENALTY");
    }

    @Test
    void columnsListEveryJoinedSourceAndMissingOnesAreNamed() {
        assertThat(legacy.columns()).containsExactlyInAnyOrder("处罚事由", "处罚类别1", "处罚类别2", "惩戒措施");
        assertThat(legacy.missingColumns(java.util.Set.of("处罚事由", "处罚类别1")))
                .containsExactlyInAnyOrder("处罚类别2", "惩戒措施");
    }
}
