package org.creditgate.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void tableAlignsColumnsAndSaysWhatWasNotMeasured() {
        Report r = new Report().add("ceiling", 2413.4, "msg/s", 1.0, "raw")
                .add("end to end", 17.79, "rec/s", 17.79 / 2413.4, null)
                .notMeasured("shield propagation", "ms", "not measured: shields not implemented yet");
        String[] lines = r.table().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[2]).contains("2,413").contains("msg/s").contains("1.000");
        assertThat(lines[3]).contains("17.79").contains("0.007");
        assertThat(lines[4]).contains(" - ").contains("not measured: shields not implemented yet");
        assertThat(lines[2].indexOf("msg/s")).isEqualTo(lines[3].indexOf("rec/s"));
    }

    @Test
    void latencyRowsArePercentilesInMillisecondsAndJsonKeepsNullForNotMeasured() throws Exception {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1000L); // 1..1000 ms
        }
        Report r = new Report().latency("ack", h, "note").notMeasured("shields", "ms", "why");
        assertThat(r.rows()).extracting(Report.Row::figure)
                .containsExactly("ack p50", "ack p99", "ack p99.9", "ack max", "shields");
        assertThat(r.rows().get(0).value()).isCloseTo(500, org.assertj.core.data.Offset.offset(1.0));
        assertThat(r.rows().get(1).value()).isCloseTo(990, org.assertj.core.data.Offset.offset(1.0));
        assertThat(r.rows().get(3).value()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
        JsonNode json = new ObjectMapper().readTree(r.json(new ObjectMapper(), null));
        assertThat(json.path("figures").get(4).path("value").isNull()).isTrue();
        assertThat(json.path("figures").get(4).path("note").asText()).isEqualTo("why");
    }
}
