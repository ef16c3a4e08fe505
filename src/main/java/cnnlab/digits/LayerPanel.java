package cnnlab.digits;

import cnnlab.nn.LayerActivations;
import cnnlab.nn.LectureCnn;
import cnnlab.ui.FeatureMapGrid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import java.util.function.IntConsumer;

/** One layer of the lecture CNN as pictures: its feature maps (or neurons), lit up by the current drawing. */
class LayerPanel extends Div {
    private final int layer;
    private final LectureCnn.LayerShape shape;
    private final FeatureMapGrid grid;

    LayerPanel(int layer, int columns, int cell) {
        this.layer = layer;
        this.shape = LectureCnn.LAYERS.get(layer);
        addClassNames("layer-block", "lab-card");
        setId("layer-" + shape.name());
        grid = new FeatureMapGrid(shape.maps(), shape.height(), shape.width(), columns, cell, FeatureMapGrid.Palette.INFERNO);
        grid.setLabelTemplate(labelTemplate(), decimals());
        String size = shape.height() > 1 ? String.format(" · %d maps of %dx%d", shape.maps(), shape.height(), shape.width())
                : String.format(" · %d neurons", shape.maps());
        Paragraph caption = new Paragraph(shape.description() + size);
        caption.addClassName("lab-caption");
        add(new H4(shape.name()), caption, grid);
    }

    /** Lights the maps up; with {@code tooltips}, also each map's value under the mouse. */
    void show(LayerActivations a, boolean tooltips) {
        float[] values = a.layer(layer);
        float max = 0;
        for (float v : values) max = Math.max(max, v);
        grid.show(values, max);   // one scale per layer: a dark map is a filter that did not fire
        if (!tooltips) return;
        double[] numbers = new double[shape.maps()];
        for (int k = 0; k < numbers.length; k++) numbers[k] = shape.height() == 1 ? values[k] : a.totalActivation(layer, k);
        grid.setLabelValues(numbers, decimals());
    }

    /** Each map's tooltip: which filter made it and how strongly it fired (the lecture's a^k = sum of a^k_ij). */
    private String labelTemplate() {
        if (shape.height() > 1) return shape.name() + " map {i} (filter {i}): a = sum of a_ij = {v}";
        return "output".equals(shape.name()) ? "class {i}: p = {v}" : "neuron {i}: a = {v}";
    }

    private int decimals() {
        return shape.height() > 1 ? 2 : "output".equals(shape.name()) ? 4 : 3;
    }

    void clear() {
        grid.clear();
    }

    void select(int index) {
        grid.setSelected(index);
    }

    void onMapClick(IntConsumer listener) {
        grid.addMapClickListener(listener);
    }

    int layer() {
        return layer;
    }

    FeatureMapGrid grid() {
        return grid;
    }
}
