package cnnlab.features;

import com.vaadin.flow.component.html.Div;

import java.util.Locale;

/**
 * A small SVG chart of each picture's objective over the steps (drawn on the server: numbers only, no user text).
 * All curves share one y axis; the selected picture's curve is drawn bold.
 */
public class ObjectiveCurve extends Div {
    private static final int W = 320, H = 140, LEFT = 44, BOTTOM = 18, POINTS = 120;

    public ObjectiveCurve() {
        addClassName("lab-curve");
    }

    public void show(float[][] curves, int totalSteps, int selected) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (float[] c : curves) for (float v : c) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (curves.length == 0 || lo > hi) {
            clear();
            return;
        }
        if (hi - lo < 1e-6) hi = lo + 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%' role='img' aria-label='objective over steps'>",
                W, H));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' class='axis'/>", LEFT, H - BOTTOM, W - 4, H - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='4' x2='%d' y2='%d' class='axis'/>", LEFT, LEFT, H - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='12' class='tick' text-anchor='end'>%s</text>", LEFT - 4, label(hi)));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick' text-anchor='end'>%s</text>", LEFT - 4, H - BOTTOM, label(lo)));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick' text-anchor='end'>step %d</text>", W - 4, H - 4, totalSteps));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick'>0</text>", LEFT, H - 4));
        for (int i = 0; i < curves.length; i++) {
            if (i != selected) svg.append(polyline(curves[i], totalSteps, lo, hi, "curve"));
        }
        if (selected >= 0 && selected < curves.length) svg.append(polyline(curves[selected], totalSteps, lo, hi, "curve selected"));
        svg.append("</svg>");
        getElement().setProperty("innerHTML", svg.toString());
    }

    public void clear() {
        getElement().setProperty("innerHTML", "");
    }

    private static String polyline(float[] c, int totalSteps, double lo, double hi, String cls) {
        StringBuilder p = new StringBuilder("<polyline class='" + cls + "' points='");
        int stride = Math.max(1, c.length / POINTS);
        for (int s = 0; s < c.length; s += stride) point(p, s, c[s], totalSteps, lo, hi);
        if ((c.length - 1) % stride != 0) point(p, c.length - 1, c[c.length - 1], totalSteps, lo, hi);
        return p.append("'/>").toString();
    }

    private static void point(StringBuilder p, int step, float v, int totalSteps, double lo, double hi) {
        double x = LEFT + (W - 4 - LEFT) * (double) step / Math.max(1, totalSteps);
        double y = (H - BOTTOM) - (H - BOTTOM - 4) * (v - lo) / (hi - lo);
        appendTenths(p, x).append(',');
        appendTenths(p, y).append(' ');
    }

    /**
     * {@code v} to one decimal, as {@code %.1f} would write it (half up). Written by hand: a frame's curves hold about
     * 1,500 points, and String.format made the chart a tenth of a busy server's CPU.
     */
    static StringBuilder appendTenths(StringBuilder out, double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        if (v < 0 && tenths != 0) out.append('-');
        return out.append(tenths / 10).append('.').append(tenths % 10);
    }

    private static String label(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
