package org.creditgate.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.creditgate.core.reconcile.Discrepancy.Action;
import org.creditgate.core.reconcile.Discrepancy.Kind;
import org.creditgate.core.reconcile.ReconciliationReport.Status;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    private final ReconciliationReport report = new ReconciliationReport("province",
            Instant.parse("2026-11-30T22:00:00Z"), "operator <karaf>", Status.COMPLETE, null,
            new Counts(2, 2, 0, 0, 0, 2, 1, 0, 1, 1, 0, 0),
            Map.of("PENALTY", new Counts(2, 2, 0, 0, 0, 2, 1, 0, 1, 1, 0, 0)),
            List.of(new Discrepancy("PENALTY", "r-1", Kind.MISSING, 1, null, "ACCEPTED", Action.RESENT, 1,
                    "lost, \"quoted\""),
                    new Discrepancy("PENALTY", "=HYPERLINK(1)", Kind.UNKNOWN_TO_US, null, 3, null, Action.ALERTED, 0,
                            "<script>alert(1)</script>")),
            List.of("province: UNKNOWN_TO_US <b>"));

    @Test
    void csvHasTheCountsAndEveryDiscrepancyQuotedAndDefused() {
        String csv = ReportFormats.csv(report);

        assertThat(csv).contains("\"PENALTY\",\"2\",\"2\",\"0\"", "\"TOTAL\",\"2\"",
                "\"PENALTY\",\"r-1\",\"MISSING\",\"1\",\"\",\"ACCEPTED\",\"RESENT\",\"1\",\"lost, \"\"quoted\"\"\"",
                "\"'=HYPERLINK(1)\"", "\"province: UNKNOWN_TO_US <b>\"");
        assertThat(csv.lines().filter(l -> l.contains("\"MISSING\"") || l.contains("\"UNKNOWN_TO_US\",")).count())
                .isEqualTo(2);
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        String html = ReportFormats.html(report);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<td>r-1</td>", "<td>MISSING</td>",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "operator &lt;karaf&gt;", "UNKNOWN_TO_US &lt;b&gt;",
                "Discrepancies (2)");
        assertThat(html).doesNotContain("<script", "http://", "https://", "UNKNOWN_TO_US <b>");
    }

    @Test
    void jsonRoundTrips() {
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
        assertThat(ReportJson.write(report)).contains("\"runAt\":\"2026-11-30T22:00:00Z\"");
    }
}
