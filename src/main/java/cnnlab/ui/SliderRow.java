package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/** A slider with its name before it and its current value after it, as the control panels lay them out. */
public final class SliderRow {
    private SliderRow() { }

    public static Component of(String label, Slider slider, String hint) {
        Span name = new Span(label);
        name.addClassName("lab-slider-name");
        Span value = new Span();
        value.addClassName("lab-slider-value");
        slider.addValueChangeListener(e -> value.setText(format(e.getValue())));
        value.setText(format(slider.getValue()));
        slider.getElement().setAttribute("aria-label", label);
        slider.getElement().setAttribute("title", hint);
        Div r = new Div(name, slider, value);
        r.addClassName("lab-slider-row");
        return r;
    }

    static String format(Double v) {
        return v == null ? "" : v == Math.rint(v) ? String.valueOf(v.intValue()) : String.format(Locale.ROOT, "%.3f", v);
    }
}
