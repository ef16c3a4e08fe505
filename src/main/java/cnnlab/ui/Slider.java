package cnnlab.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.Tag;

import java.util.Locale;

/**
 * A plain HTML range slider as a Vaadin field (Vaadin's own slider is not among its free components). The value
 * reaches the server when the user lets go ("change"), so dragging does not flood the server.
 */
@Tag("input")
public class Slider extends AbstractSinglePropertyField<Slider, Double> {
    private final double min;
    private double max;

    public Slider(double min, double max, double step, double value) {
        super("value", min, String.class, Slider::parse, Slider::format);
        this.min = min;
        this.max = max;
        getElement().setAttribute("type", "range");
        getElement().setAttribute("min", format(min));
        getElement().setAttribute("max", format(max));
        getElement().setAttribute("step", format(step));
        getElement().getClassList().add("lab-slider");
        setSynchronizedEvent("change");
        setValue(value);
        // setValue skips the element when the value equals the field's initial one; the browser would then show
        // its own default (the middle of the track)
        getElement().setProperty("value", format(getValue()));
    }

    /** Moves the top of the range (e.g. a game's last move); the value is kept inside it. */
    public void setMax(double max) {
        this.max = Math.max(min, max);
        getElement().setAttribute("max", format(this.max));
        if (getValue() > this.max) setValue(this.max);
    }

    @Override
    public void setValue(Double value) {
        super.setValue(value == null ? min : Math.max(min, Math.min(max, value)));
    }

    private static Double parse(String s) {
        try {
            return s == null || s.isBlank() ? 0.0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    private static String format(Double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
