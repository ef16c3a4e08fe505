package cnnlab.digits;

import cnnlab.nn.LayerActivations;
import cnnlab.nn.LectureCnn;
import cnnlab.ui.FeatureMapGrid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        String size = shape.height() > 1 ? String.format(" · %d maps of %dx%d", shape.maps(), shape.height(), shape.width())
                : String.format(" · %d neurons", shape.maps());
        Paragraph caption = new Paragraph(shape.description() + size);
        caption.addClassName("lab-caption");
        add(new H4(shape.name()), caption, grid);
    }

    void show(LayerActivations a) {
        float[] values = a.layer(layer);
        float max = 0;
        for (float v : values) max = Math.max(max, v);
        grid.show(values, max);   // one scale per layer: a dark map is a filter that did not fire
        List<String> labels = new ArrayList<>(shape.maps());
        for (int k = 0; k < shape.maps(); k++) labels.add(label(a, k));
        grid.setLabels(labels);
    }

    private String label(LayerActivations a, int k) {
        if (shape.height() == 1) {
            float v = a.layer(layer)[k];
            return "output".equals(shape.name()) ? String.format(Locale.ROOT, "class %d: p = %.4f", k, v)
                    : String.format(Locale.ROOT, "neuron %d: a = %.3f", k, v);
        }
        return String.format(Locale.ROOT, "%s map %d (filter %d): a = sum of a_ij = %.2f", shape.name(), k, k, a.totalActivation(layer, k));
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
