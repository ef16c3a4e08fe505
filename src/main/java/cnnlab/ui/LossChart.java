package cnnlab.ui;

import com.vaadin.flow.component.html.Div;

import java.util.List;
import java.util.Locale;

/**
 * Named curves over the iterations as an SVG drawn on the server (numbers only, no user text), on a log scale:
 * style-transfer losses fall over orders of magnitude. Each series has its own CSS class for its colour.
 */
public class LossChart extends Div {
    private static final int W = 360, H = 150, LEFT = 46, BOTTOM = 18, TOP = 16;

    /** One curve: a name for the legend, a CSS class, its values. */
    public record Series(String name, String cssClass, double[] values) { }

    public LossChart() {
        addClassName("lab-curve");
    }

    public void show(List<Series> series, int totalSteps, boolean logScale) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Series s : series) for (double v : s.values()) {
            if (logScale && !(v > 0)) continue;
            double y = logScale ? Math.log10(v) : v;
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        if (lo > hi) {
            getElement().setProperty("innerHTML", "");
            return;
        }
        if (hi - lo < 1e-6) hi = lo + 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%' role='img' aria-label='losses over iterations'>", W, H));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' class='axis'/>", LEFT, H - BOTTOM, W - 4, H - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' class='axis'/>", LEFT, TOP, LEFT, H - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick' text-anchor='end'>%s</text>", LEFT - 4, TOP + 8, label(hi, logScale)));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick' text-anchor='end'>%s</text>", LEFT - 4, H - BOTTOM, label(lo, logScale)));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick' text-anchor='end'>%d</text>", W - 4, H - 4, totalSteps));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='tick'>0</text>", LEFT, H - 4));
        int legendX = LEFT + 6;
        for (Series s : series) {
            svg.append("<polyline class='curve ").append(s.cssClass()).append("' points='");
            double[] v = s.values();
            int stride = Math.max(1, v.length / 150);
            for (int i = 0; i < v.length; i += stride) {
                if (logScale && !(v[i] > 0)) continue;
                double y = logScale ? Math.log10(v[i]) : v[i];
                double px = LEFT + (W - 4 - LEFT) * (i + 1.0) / Math.max(1, totalSteps);
                double py = (H - BOTTOM) - (H - BOTTOM - TOP) * (y - lo) / (hi - lo);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("'/>");
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='11' class='legend %s'>%s</text>", legendX, s.cssClass(), s.name()));
            legendX += 8 * s.name().length() + 14;
        }
        svg.append("</svg>");
        getElement().setProperty("innerHTML", svg.toString());
    }

    private static String label(double v, boolean log) {
        double x = log ? Math.pow(10, v) : v;
        return Math.abs(x) >= 100 || Math.abs(x) < 0.01 ? String.format(Locale.ROOT, "%.1e", x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
