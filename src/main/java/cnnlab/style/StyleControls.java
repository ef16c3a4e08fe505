package cnnlab.style;

import cnnlab.ui.Slider;
import cnnlab.ui.SliderRow;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.FeatureNetworks;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;

/**
 * The style transfer's settings as a form. Weights are set on a log scale (10^x): useful values span orders of
 * magnitude, and the losses are scale-free so the same range suits every network.
 */
public class StyleControls extends Div {
    final Select<FeatureNetwork> network = new Select<>();
    final Paragraph networkNote = new Paragraph();
    final Slider contentWeight = new Slider(-2, 2, 0.5, 0);
    final Slider styleWeight = new Slider(-1, 5, 0.5, 4);
    final Slider tvWeight = new Slider(-3, 2, 0.5, 0);
    final Slider size = new Slider(StyleSettings.MIN_SIZE, StyleSettings.MAX_SIZE, 32, StyleSettings.DEFAULT_SIZE);
    final Slider iterations = new Slider(10, 500, 10, 100);
    final RadioButtonGroup<StyleSettings.Optimiser> optimiser = new RadioButtonGroup<>("Optimiser");
    final RadioButtonGroup<Boolean> start = new RadioButtonGroup<>("Start from");

    public StyleControls(FeatureNetworks networks) {
        addClassName("lab-controls");
        network.setLabel("Network");
        network.setId("network");
        network.setItems(networks.all());
        network.setItemLabelGenerator(FeatureNetwork::title);
        network.addValueChangeListener(e -> networkNote.setText(e.getValue() == null ? "" : e.getValue().description()
                + " Style layers: " + String.join(", ", e.getValue().styleLayers().style()) + "; content: " + e.getValue().styleLayers().content() + "."));
        networkNote.addClassName("lab-caption");
        optimiser.setItems(StyleSettings.Optimiser.values());
        optimiser.setItemLabelGenerator(o -> o == StyleSettings.Optimiser.LBFGS ? "L-BFGS (Gatys et al.)" : "Adam");
        optimiser.setValue(StyleSettings.Optimiser.LBFGS);
        optimiser.setId("optimiser");
        start.setItems(true, false);
        start.setItemLabelGenerator(b -> b ? "the content image" : "white noise");
        start.setValue(true);
        start.setId("start");
        size.setId("size");
        iterations.setId("iterations");
        add(network, networkNote,
                SliderRow.of("Content (10^x)", contentWeight, "how much the picture must keep the content image's filter outputs"),
                SliderRow.of("Style (10^x)", styleWeight, "how much its Gram matrices (which filters fire together) must match the style image's"),
                SliderRow.of("Smoothness (10^x)", tvWeight, "total variation: neighbouring pixels alike"),
                SliderRow.of("Size (px)", size, "the longer side of the result"),
                SliderRow.of("Iterations", iterations, "optimiser iterations"),
                optimiser, start);
        network.setValue(networks.styleDefault());
    }

    /** The form as settings; throws IllegalArgumentException with a readable message. */
    public StyleSettings read() {
        FeatureNetwork net = network.getValue();
        if (net == null) throw new IllegalArgumentException("choose a network");
        return new StyleSettings(net.id(), Math.pow(10, contentWeight.getValue()), Math.pow(10, styleWeight.getValue()),
                Math.pow(10, tvWeight.getValue()), size.getValue().intValue(), optimiser.getValue(),
                Boolean.TRUE.equals(start.getValue()), iterations.getValue().intValue(), 1);
    }
}
