package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.zip.Deflater;

/**
 * Java side of {@code frontend/feature-maps.ts}: a grid of small pictures (feature maps, neurons, filter weights).
 * Values are quantised to one byte each on the server and deflated (ReLU maps are mostly zeros: a reading of the
 * digits page shrinks about 3x), so a whole layer travels as one short base64 string. Size matters here: Vaadin
 * copies every property string through several JSON passes, and a busy page sends one picture per reading.
 */
@Tag("feature-maps")
@JsModule("./feature-maps.ts")
public class FeatureMapGrid extends Component {
    public enum Palette { INFERNO, GRAY, DIVERGING }

    private final int maps, mapHeight, mapWidth;
    private float[] shown = new float[0];

    public FeatureMapGrid(int maps, int mapHeight, int mapWidth, int columns, int cell, Palette palette) {
        this.maps = maps;
        this.mapHeight = mapHeight;
        this.mapWidth = mapWidth;
        getElement().setProperty("maps", maps);
        getElement().setProperty("mapWidth", mapWidth);
        getElement().setProperty("mapHeight", mapHeight);
        getElement().setProperty("columns", columns);
        getElement().setProperty("cell", cell);
        getElement().setProperty("palette", palette.name().toLowerCase());
    }

    /** Shows non-negative values (activations, pixels) scaled so that {@code max} is the brightest colour. */
    public void show(float[] values, float max) {
        check(values);
        byte[] q = new byte[values.length];
        float scale = max > 0 ? 255f / max : 0f;
        for (int i = 0; i < values.length; i++) q[i] = (byte) Math.round(Math.max(0f, Math.min(255f, values[i] * scale)));
        send(values, q);
    }

    /** Shows signed values (weights): 0 is white, the largest |value| is full blue (negative) or red (positive). */
    public void showSigned(float[] values) {
        check(values);
        float max = 0;
        for (float v : values) max = Math.max(max, Math.abs(v));
        byte[] q = new byte[values.length];
        for (int i = 0; i < values.length; i++) q[i] = (byte) Math.round(127.5f + (max > 0 ? values[i] / max * 127.5f : 0f));
        send(values, q);
    }

    public void clear() {
        shown = new float[0];
        getElement().setProperty("data", "");
        setLabels(List.of());
        getElement().setProperty("labelValues", "");
    }

    /** Values currently shown (what the user sees, before quantisation); empty when cleared. */
    public float[] shownValues() {
        return shown.clone();
    }

    public boolean isShowing() {
        return shown.length > 0;
    }

    /** Tooltips, one per map. */
    public void setLabels(List<String> labels) {
        // one string, split on the client: labels never contain line breaks
        getElement().setProperty("labels", String.join("\n", labels));
    }

    /**
     * Tooltips that differ only by a number per map, for pictures that change many times a second: the template
     * travels once, each update only the numbers. In {@code template}, {@code {i}} is the map's index and {@code {v}}
     * its value, shown with {@code decimals} decimals.
     */
    public void setLabelTemplate(String template, int decimals) {
        getElement().setProperty("labelTemplate", template);
        getElement().setProperty("labelDecimals", decimals);
    }

    /** The numbers for {@link #setLabelTemplate}, one per map. */
    public void setLabelValues(double[] values, int decimals) {
        double scale = Math.pow(10, decimals);
        StringBuilder b = new StringBuilder(values.length * 6);
        for (double v : values) {
            if (b.length() > 0) b.append(' ');
            b.append(Math.round(v * scale) / scale);   // the browser formats it (toFixed): no String.format per map here
        }
        getElement().setProperty("labelValues", b.toString());
    }

    /** Short text drawn under each map (values that change while you watch); an empty list removes them. */
    public void setCaptions(List<String> captions) {
        getElement().setProperty("captions", String.join("\n", captions));
    }

    public void setSelected(int index) {
        getElement().setProperty("selected", index);
    }

    public Registration addMapClickListener(IntConsumer listener) {
        return getElement().addEventListener("map-click", e -> listener.accept((int) e.getEventData().getNumber("event.detail.index")))
                .addEventData("event.detail.index");
    }

    private void check(float[] values) {
        if (values.length != maps * mapHeight * mapWidth) {
            throw new IllegalArgumentException("expected " + maps * mapHeight * mapWidth + " values, got " + values.length);
        }
    }

    private void send(float[] values, byte[] q) {
        shown = values.clone();
        getElement().setProperty("data", Base64.getEncoder().encodeToString(deflate(q)));
    }

    /** zlib format, as the browser's {@code DecompressionStream("deflate")} reads it; fastest level (the maps are small). */
    static byte[] deflate(byte[] bytes) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(bytes);
            d.finish();
            byte[] out = new byte[bytes.length + bytes.length / 1000 + 64];   // deflate's worst case fits
            int n = 0;
            while (!d.finished()) {
                if (n == out.length) out = Arrays.copyOf(out, 2 * out.length);
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }
}
