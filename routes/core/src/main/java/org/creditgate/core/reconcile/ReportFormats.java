package org.creditgate.core.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human-readable renderings of a report: CSV (for a spreadsheet: the counts per dataset, a blank line, then every
 * discrepancy) and a self-contained HTML page (no scripts, no external resources, every value escaped). Reports hold
 * record ids and texts the reconciler wrote (ID numbers masked), never record data.
 */
public final class ReportFormats {

    static final List<String> COUNT_COLUMNS = List.of("sent", "accepted", "rejected", "inFlight", "unknownReceipt",
            "held", "missing", "versionMismatch", "unknownToUs", "resent", "settled", "deadLettered");
    static final List<String> DISCREPANCY_COLUMNS = List.of("dataset", "recordId", "kind", "ourVersion",
            "theirVersion", "ourState", "action", "tries", "detail");

    private ReportFormats() {
    }

    public static String csv(ReconciliationReport r) {
        StringBuilder b = new StringBuilder();
        row(b, List.of("upstream", "runAt", "trigger", "status", "error"));
        row(b, List.of(r.upstream(), String.valueOf(r.runAt()), r.trigger(), r.status().name(), nz(r.error())));
        b.append("\r\n");
        List<String> head = new ArrayList<>(List.of("dataset"));
        head.addAll(COUNT_COLUMNS);
        row(b, head);
        r.datasets().forEach((dataset, c) -> row(b, counts(dataset, c)));
        row(b, counts("TOTAL", r.totals()));
        b.append("\r\n");
        row(b, DISCREPANCY_COLUMNS);
        for (Discrepancy d : r.discrepancies()) {
            row(b, discrepancy(d));
        }
        if (!r.alerts().isEmpty()) {
            b.append("\r\n");
            row(b, List.of("alert"));
            r.alerts().forEach(a -> row(b, List.of(a)));
        }
        return b.toString();
    }

    public static String html(ReconciliationReport r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>Reconciliation ").append(esc(r.upstream())).append(' ').append(esc(String.valueOf(r.runAt())))
                .append("</title><style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;"
                        + "margin:1em 0}th,td{border:1px solid #999;padding:.25em .6em;text-align:left}"
                        + "td.n{text-align:right}.failed{color:#b00}</style></head><body>\n");
        b.append("<h1>Reconciliation: ").append(esc(r.upstream())).append("</h1>\n<p>Run at ")
                .append(esc(String.valueOf(r.runAt()))).append(" (").append(esc(r.trigger())).append("), status <b")
                .append(r.status() == ReconciliationReport.Status.FAILED ? " class=\"failed\"" : "").append('>')
                .append(esc(r.status().name())).append("</b>");
        if (r.error() != null) {
            b.append(": ").append(esc(r.error()));
        }
        b.append("</p>\n<h2>Counts</h2>\n<table><tr><th>dataset</th>");
        COUNT_COLUMNS.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr>\n");
        for (Map.Entry<String, Counts> e : r.datasets().entrySet()) {
            htmlCounts(b, e.getKey(), e.getValue());
        }
        htmlCounts(b, "TOTAL", r.totals());
        b.append("</table>\n<h2>Discrepancies (").append(r.discrepancies().size()).append(")</h2>\n<table><tr>");
        DISCREPANCY_COLUMNS.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr>\n");
        for (Discrepancy d : r.discrepancies()) {
            b.append("<tr>");
            discrepancy(d).forEach(v -> b.append("<td>").append(esc(v)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n<h2>Alerts (").append(r.alerts().size()).append(")</h2>\n<ul>\n");
        r.alerts().forEach(a -> b.append("<li>").append(esc(a)).append("</li>\n"));
        return b.append("</ul>\n</body></html>\n").toString();
    }

    private static void htmlCounts(StringBuilder b, String dataset, Counts c) {
        b.append("<tr><td>").append(esc(dataset)).append("</td>");
        counts(dataset, c).stream().skip(1).forEach(v -> b.append("<td class=\"n\">").append(v).append("</td>"));
        b.append("</tr>\n");
    }

    private static List<String> counts(String dataset, Counts c) {
        return List.of(dataset, n(c.sent()), n(c.accepted()), n(c.rejected()), n(c.inFlight()), n(c.unknownReceipt()),
                n(c.held()), n(c.missing()), n(c.versionMismatch()), n(c.unknownToUs()), n(c.resent()), n(c.settled()),
                n(c.deadLettered()));
    }

    private static List<String> discrepancy(Discrepancy d) {
        return List.of(nz(d.dataset()), nz(d.recordId()), d.kind().name(), nz(d.ourVersion()), nz(d.theirVersion()),
                nz(d.ourState()), d.action().name(), n(d.tries()), nz(d.detail()));
    }

    /** RFC 4180: every field quoted, quotes doubled, CRLF line ends; a leading =, +, - or @ defused for spreadsheets. */
    private static void row(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            b.append(i == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        b.append("\r\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String n(int i) {
        return Integer.toString(i);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
