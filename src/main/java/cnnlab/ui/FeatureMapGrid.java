package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Java side of {@code frontend/feature-maps.ts}: a grid of small pictures (feature maps, neurons, filter weights).
 * Values are quantised to one byte each on the server, so a whole layer travels as one short base64 string.
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
        getElement().setProperty("data", Base64.getEncoder().encodeToString(q));
    }
}
