package cnnlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/** The class probabilities as horizontal bars, one row per class; plain HTML, updated in place. */
public class ProbabilityChart extends Div {
    private final Div[] bars;
    private final Span[] values;
    private final Div[] rows;
    private float[] shown;

    public ProbabilityChart(int classes) {
        addClassName("prob-chart");
        bars = new Div[classes];
        values = new Span[classes];
        rows = new Div[classes];
        for (int c = 0; c < classes; c++) {
            Span label = new Span(String.valueOf(c));
            bars[c] = new Div();
            bars[c].addClassName("prob-bar");
            Div track = new Div(bars[c]);
            track.addClassName("prob-track");
            values[c] = new Span();
            values[c].addClassName("prob-value");
            rows[c] = new Div(label, track, values[c]);
            rows[c].addClassName("prob-row");
            rows[c].setId("prob-" + c);
            add(rows[c]);
        }
        clear();
    }

    public void show(float[] probabilities) {
        int top = 0;
        for (int c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[top]) top = c;
        for (int c = 0; c < bars.length; c++) {
            float p = probabilities[c];
            bars[c].setWidth(String.format(Locale.ROOT, "%.1f%%", 100 * p));
            Texts.set(values[c], String.format(Locale.ROOT, "%.1f%%", 100 * p));
            rows[c].setClassName("top", c == top);
        }
        shown = probabilities.clone();
    }

    /** Empty bars: nothing has been read. */
    public void clear() {
        for (int c = 0; c < bars.length; c++) {
            bars[c].setWidth("0%");
            Texts.set(values[c], "–");
            rows[c].removeClassName("top");
        }
        shown = null;
    }

    /** The probabilities on display, or null when the chart is empty. */
    public float[] shownProbabilities() {
        return shown == null ? null : shown.clone();
    }
}
