package org.creditgate.bench.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

/**
 * The run over time as a PNG, drawn with java.awt (headless): throughput per second, latency per second (log
 * scale), and the gateway's heap/RSS, with the phases marked. No chart library.
 */
public final class Chart {

    /** A phase of the run, in seconds since its start. */
    public record Phase(String name, int from, int to) {
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final int W = 1400;
    private static final int PANEL_H = 280;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 40;

    private Chart() {
    }

    public static void write(Path png, String title, int seconds, List<Phase> phases,
            Map<String, TreeMap<Integer, Double>> throughput, Map<String, TreeMap<Integer, Double>> latencyMs,
            Map<String, TreeMap<Integer, Double>> memoryMb) throws Exception {
        int h = TOP + 3 * (PANEL_H + 50) + 20;
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 24);
        int xMax = Math.max(1, seconds);
        panel(g, TOP + 20, "throughput per 1 s bucket (records or messages /s, log scale)", xMax, phases, throughput,
                true);
        panel(g, TOP + 20 + PANEL_H + 50, "latency per 1 s bucket (ms, log scale)", xMax, phases, latencyMs, true);
        panel(g, TOP + 20 + 2 * (PANEL_H + 50), "gateway JVM memory (MB, sampled each second)", xMax, phases, memoryMb,
                false);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int top, String title, int xMax, List<Phase> phases,
            Map<String, TreeMap<Integer, Double>> series, boolean log) {
        int plotW = W - LEFT - RIGHT;
        int plotH = PANEL_H - 30;
        int y0 = top + 20;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, top + 12);
        double max = 0;
        double min = Double.MAX_VALUE;
        for (TreeMap<Integer, Double> s : series.values()) {
            for (double v : s.values()) {
                max = Math.max(max, v);
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        if (max <= 0) {
            max = 1;
        }
        double lo;
        double hi;
        if (log) {
            lo = Math.floor(Math.log10(min == Double.MAX_VALUE ? 1 : min));
            hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
        } else {
            lo = 0;
            hi = niceCeil(max);
        }
        // phases
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            int x1 = LEFT + (int) ((long) p.from() * plotW / xMax);
            int x2 = LEFT + (int) ((long) p.to() * plotW / xMax);
            g.setColor(i % 2 == 0 ? new Color(0xf2f2f2) : new Color(0xe6eef7));
            g.fillRect(x1, y0, Math.max(1, x2 - x1), plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(p.name(), x1 + 3, y0 + 12);
        }
        // axes and grid
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, y0, plotW, plotH);
        int ticks = log ? (int) (hi - lo) : 5;
        for (int t = 0; t <= ticks; t++) {
            int y = y0 + plotH - t * plotH / ticks;
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.BLACK);
            double v = log ? Math.pow(10, lo + t) : lo + (hi - lo) * t / ticks;
            g.drawString(label(v), 5, y + 4);
        }
        int xStep = Math.max(10, (int) niceCeil(xMax / 10.0));
        for (int s = 0; s <= xMax; s += xStep) {
            int x = LEFT + (int) ((long) s * plotW / xMax);
            g.setColor(Color.BLACK);
            g.drawString(s + " s", x - 8, y0 + plotH + 14);
        }
        // series
        int k = 0;
        g.setStroke(new BasicStroke(1.6f));
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            Color c = COLORS[k % COLORS.length];
            g.setColor(c);
            Integer px = null;
            Integer py = null;
            Integer prevSecond = null;
            for (Map.Entry<Integer, Double> pt : e.getValue().entrySet()) {
                double v = pt.getValue();
                double frac = log ? (v <= 0 ? 0 : (Math.log10(v) - lo) / (hi - lo)) : (v - lo) / (hi - lo);
                int x = LEFT + (int) ((long) pt.getKey() * plotW / xMax);
                int y = y0 + plotH - (int) (Math.max(0, Math.min(1, frac)) * plotH);
                if (px != null && prevSecond != null && pt.getKey() - prevSecond <= 2) {
                    g.drawLine(px, py, x, y);
                } else {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
                px = x;
                py = y;
                prevSecond = pt.getKey();
            }
            g.fillRect(LEFT + plotW + 15, y0 + 8 + k * 18, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), LEFT + plotW + 35, y0 + 14 + k * 18);
            k++;
        }
        g.setStroke(new BasicStroke(1f));
    }

    static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String label(double v) {
        if (v >= 1000) {
            return String.format("%,.0f", v);
        }
        return v >= 1 ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    /** Long counters as doubles, for {@link #write}. */
    public static Map<String, TreeMap<Integer, Double>> asDoubles(Map<String, TreeMap<Integer, Long>> counts) {
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> {
            TreeMap<Integer, Double> m = new TreeMap<>();
            v.forEach((s, n) -> m.put(s, n.doubleValue()));
            out.put(k, m);
        });
        return out;
    }
}
