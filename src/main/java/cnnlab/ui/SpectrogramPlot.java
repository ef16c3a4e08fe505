package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Java side of {@code frontend/spectrogram-plot.ts}: a time x frequency picture with labelled axes (seconds, Hz)
 * and a colour bar. Values are quantised to one byte each on the server between the given bounds.
 */
@Tag("spectrogram-plot")
@JsModule("./spectrogram-plot.ts")
public class SpectrogramPlot extends Component {
    private float[][] shown = new float[0][];

    public SpectrogramPlot(int width, int height) {
        getElement().setProperty("plotWidth", width);
        getElement().setProperty("plotHeight", height);
    }

    /**
     * @param values      [band][frame], band 0 = lowest frequency
     * @param frequencies Hz at each band's centre
     */
    public void show(float[][] values, float[] frequencies, double hopSeconds, float min, float max, String unit) {
        int bands = values.length, frames = bands == 0 ? 0 : values[0].length;
        byte[] q = new byte[bands * frames];
        float scale = max > min ? 255f / (max - min) : 0;
        for (int b = 0; b < bands; b++) {
            for (int t = 0; t < frames; t++) q[b * frames + t] = (byte) Math.round(Math.max(0, Math.min(255, (values[b][t] - min) * scale)));
        }
        shown = values;
        getElement().setProperty("frames", frames);
        getElement().setProperty("bands", bands);
        getElement().setProperty("hop", hopSeconds);
        getElement().setProperty("frequencies", IntStream.range(0, frequencies.length)
                .mapToObj(i -> String.format(Locale.ROOT, "%.0f", frequencies[i])).collect(Collectors.joining(",")));
        getElement().setProperty("valueMin", min);
        getElement().setProperty("valueMax", max);
        getElement().setProperty("unit", unit);
        getElement().setProperty("data", Base64.getEncoder().encodeToString(q));
    }

    public void setYLabel(String label) {
        getElement().setProperty("yLabel", label);
    }

    public void setMarker(int frame) {
        getElement().setProperty("marker", frame);
    }

    public void clear() {
        shown = new float[0][];
        getElement().setProperty("data", "");
    }

    public boolean isShowing() {
        return shown.length > 0;
    }

    public Registration addFrameClickListener(IntConsumer listener) {
        return getElement().addEventListener("frame-click", e -> listener.accept((int) e.getEventData().getNumber("event.detail.frame")))
                .addEventData("event.detail.frame");
    }
}
