package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Java side of {@code frontend/filter-slide.ts}: a filter sliding along the frequency axis of one frame, animated. */
@Tag("filter-slide")
@JsModule("./filter-slide.ts")
public class FilterSlide extends Component {
    /**
     * @param column  the frame's band values (0..1), low band first
     * @param weights the filter's taps, low band first
     * @param outputs the filter's output at each position (after ReLU), low first
     */
    public void show(float[] column, float[] weights, float[] outputs) {
        getElement().setProperty("weights", join(weights));
        getElement().setProperty("outputs", join(outputs));
        getElement().setProperty("column", join(column));
        getElement().setProperty("playing", true);
    }

    public void clear() {
        getElement().setProperty("playing", false);
        getElement().setProperty("column", "");
    }

    private static String join(float[] v) {
        return IntStream.range(0, v.length).mapToObj(i -> String.format(Locale.ROOT, "%.4f", v[i])).collect(Collectors.joining(","));
    }
}
