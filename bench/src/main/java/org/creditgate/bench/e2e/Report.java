package org.creditgate.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's result: rows of (figure, value, unit, ratio to the ceiling, note), printed as a fixed-width table
 * and written as JSON. A row without a value is "not measured" and says why in its note — never a made-up number.
 */
public final class Report {

    /** One figure. {@code value} null = not measured; {@code ratio} null = no ratio to the ceiling applies. */
    public record Row(String figure, Double value, String unit, Double ratio, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> meta = new LinkedHashMap<>();

    public Report meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    public Report add(String figure, double value, String unit, Double ratio, String note) {
        rows.add(new Row(figure, value, unit, ratio, note));
        return this;
    }

    public Report notMeasured(String figure, String unit, String why) {
        rows.add(new Row(figure, null, unit, null, why));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Adds p50, p99, p99.9 and max of a histogram recorded in microseconds, as milliseconds. */
    public Report latency(String figure, Histogram micros, String note) {
        if (micros.getTotalCount() == 0) {
            return notMeasured(figure + " p50", "ms", "no samples");
        }
        add(figure + " p50", ms(micros, 50), "ms", null, note);
        add(figure + " p99", ms(micros, 99), "ms", null, null);
        add(figure + " p99.9", ms(micros, 99.9), "ms", null, null);
        add(figure + " max", micros.getMaxValue() / 1000.0, "ms", null, micros.getTotalCount() + " samples");
        return this;
    }

    /** A percentile of a histogram recorded in microseconds, in milliseconds. */
    public static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The fixed-width table: figure, value, unit, ratio to the ceiling, note. */
    public String table() {
        int w = "figure".length();
        for (Row r : rows) {
            w = Math.max(w, r.figure().length());
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "%-" + w + "s  %12s  %-6s  %9s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "figure", "value", "unit", "x ceiling", "note"));
        sb.append("-".repeat(w + 2 + 12 + 2 + 6 + 2 + 9 + 2 + 30)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.figure(), r.value() == null ? "-" : number(r.value()),
                    r.unit(), r.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    r.note() == null ? "" : r.note()).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public String json(ObjectMapper mapper, ObjectNode extra) throws Exception {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode m = root.putObject("meta");
        meta.forEach((k, v) -> m.set(k, mapper.valueToTree(v)));
        ArrayNode figures = root.putArray("figures");
        for (Row r : rows) {
            ObjectNode o = figures.addObject();
            o.put("figure", r.figure());
            if (r.value() == null) {
                o.putNull("value");
            } else {
                o.put("value", r.value());
            }
            o.put("unit", r.unit());
            if (r.ratio() != null) {
                o.put("ratioToCeiling", r.ratio());
            }
            if (r.note() != null) {
                o.put("note", r.note());
            }
        }
        if (extra != null) {
            root.setAll(extra);
        }
        return mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
