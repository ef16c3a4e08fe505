package cnnlab.dream;

import cnnlab.ui.Slider;
import cnnlab.ui.SliderRow;
import cnnlab.vision.FeatureLayer;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.FeatureNetworks;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The dream's settings as a form: network, layer, filters, objective and the multi-scale recipe. */
public class DreamControls extends Div {
    final Select<FeatureNetwork> network = new Select<>();
    final Paragraph networkNote = new Paragraph();
    final Select<FeatureLayer> layer = new Select<>();
    final TextField filters = new TextField("Filters");
    final RadioButtonGroup<DreamSettings.Objective> objective = new RadioButtonGroup<>("Make stronger what it sees");
    final Slider octaves = new Slider(1, DreamSettings.MAX_OCTAVES, 1, 4);
    final Slider octaveScale = new Slider(1.2, 2.0, 0.1, 1.4);
    final Slider steps = new Slider(1, 40, 1, 10);
    final Slider stepSize = new Slider(0.002, 0.05, 0.002, 0.01);
    final Slider jitter = new Slider(0, 32, 1, 16);
    final Slider size = new Slider(64, DreamSettings.MAX_SIZE, 32, DreamSettings.DEFAULT_SIZE);

    public DreamControls(FeatureNetworks networks) {
        addClassName("lab-controls");
        network.setLabel("Network");
        network.setId("network");
        network.setItems(networks.all());
        network.setItemLabelGenerator(FeatureNetwork::title);
        network.addValueChangeListener(e -> {
            if (e.getValue() != null) showLayers(e.getValue(), e.getValue().dreamLayer());
        });
        networkNote.addClassName("lab-caption");
        layer.setLabel("Layer");
        layer.setId("layer");
        layer.setItemLabelGenerator(FeatureLayer::toString);
        filters.setId("filters");
        filters.setHelperText("all, or some: 0-7, 3,9");
        filters.setValue(DreamSettings.ALL);
        filters.setMaxLength(400);
        objective.setItems(DreamSettings.Objective.values());
        objective.setItemLabelGenerator(DreamSettings.Objective::label);
        objective.setValue(DreamSettings.Objective.SQUARES);
        objective.setId("objective");
        octaves.setId("octaves");
        size.setId("size");
        steps.setId("steps");
        add(network, networkNote, layer, filters, objective,
                SliderRow.of("Octaves", octaves, "how many sizes to dream at, smallest first"),
                SliderRow.of("Octave scale", octaveScale, "each size is this much larger than the last"),
                SliderRow.of("Steps / octave", steps, "gradient steps at each size"),
                SliderRow.of("Step size", stepSize, "how far each step moves a pixel, on average (pixels are 0..1)"),
                SliderRow.of("Jitter (px)", jitter, "shift the picture at random before every step"),
                SliderRow.of("Size (px)", size, "the longer side of the dream"));
        network.setValue(networks.dreamDefault());
    }

    private void showLayers(FeatureNetwork net, String chosen) {
        networkNote.setText(net.description());
        layer.setItems(net.layers());
        layer.setValue(net.layer(chosen));
    }

    /** The form as settings; throws IllegalArgumentException with a readable message. */
    public DreamSettings read() {
        FeatureNetwork net = network.getValue();
        FeatureLayer l = layer.getValue();
        if (net == null || l == null) throw new IllegalArgumentException("choose a network and a layer");
        return new DreamSettings(net.id(), l.name(), filters.getValue(), objective.getValue(), octaves.getValue().intValue(),
                octaveScale.getValue(), steps.getValue().intValue(), stepSize.getValue(), jitter.getValue().intValue(),
                size.getValue().intValue(), 1);
    }
}
