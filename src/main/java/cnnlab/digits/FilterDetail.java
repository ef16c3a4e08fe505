package cnnlab.digits;

import cnnlab.nn.ConvFilters;
import cnnlab.nn.LayerActivations;
import cnnlab.nn.LectureCnn;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.Texts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/**
 * The map a user clicked, up close: the filter that made it (its 3x3 weights, one slice per input channel,
 * blue negative / red positive), the map itself, and the lecture's degree of activation a^k = sum_ij a^k_ij.
 */
class FilterDetail extends Div {
    private final DigitsService classifier;
    private final H4 title = new H4("Click any feature map");
    private final Paragraph explanation = new Paragraph(
            "Hover over a map to see its total activation; click it to see the filter's weights here.");
    private final Span activation = new Span();
    private final Div pictures = new Div();
    private FeatureMapGrid mapGrid;   // the selected map, enlarged (null for neurons)
    private int layer = -1, index = -1;

    FilterDetail(DigitsService classifier) {
        this.classifier = classifier;
        setId("filter-detail");
        addClassName("lab-card");
        explanation.addClassName("lab-caption");
        activation.setId("filter-activation");
        pictures.addClassName("layer-strip");
        add(title, explanation, activation, pictures);
    }

    boolean hasSelection() {
        return layer >= 0;
    }

    void select(int layer, int index, LayerActivations current) {
        this.layer = layer;
        this.index = index;
        LectureCnn.LayerShape shape = LectureCnn.LAYERS.get(layer);
        pictures.removeAll();
        mapGrid = null;
        if (shape.height() == 1) {
            title.setText(("output".equals(shape.name()) ? "Output class " : "Dense neuron ") + index);
            explanation.setText("A neuron of a fully connected layer: its value is a weighted sum of every value of the layer below, after ReLU (or softmax for the output).");
        } else {
            // a pooling map comes from the conv filter with the same index just below it
            int convLayer = layer <= 1 ? LectureCnn.CONV1 : LectureCnn.CONV2;
            ConvFilters filters = classifier.filters(convLayer);
            title.setText(shape.name() + " map " + index + " — filter " + index + " of " + LectureCnn.LAYERS.get(convLayer).name());
            explanation.setText(filters.inChannels() == 1
                    ? "The filter's 3x3 weights slide over the image; red weights want ink, blue ones want background."
                    : String.format(Locale.ROOT, "The filter has %d slices of 3x3 weights, one per map of pool1 below it "
                    + "(red: wants that map to fire there, blue: wants it silent).", filters.inChannels()));
            FeatureMapGrid weights = new FeatureMapGrid(filters.inChannels(), filters.size(), filters.size(),
                    Math.min(filters.inChannels(), 5), filters.inChannels() == 1 ? 24 : 10, FeatureMapGrid.Palette.DIVERGING);
            weights.setId("filter-weights");
            weights.showSigned(filters.filter(index));
            pictures.add(labelled(weights, "weights"));
            mapGrid = new FeatureMapGrid(1, shape.height(), shape.width(), 1, 120 / shape.width(), FeatureMapGrid.Palette.INFERNO);
            mapGrid.setId("filter-map");
            pictures.add(labelled(mapGrid, "its map for this drawing"));
        }
        update(current);
    }

    /** Refreshes the numbers and the map for a new drawing (null: nothing drawn). */
    void update(LayerActivations current) {
        if (layer < 0) return;
        LectureCnn.LayerShape shape = LectureCnn.LAYERS.get(layer);
        if (current == null) {
            Texts.set(activation, "Draw something to see this " + (shape.height() == 1 ? "neuron" : "map") + " respond.");
            if (mapGrid != null) mapGrid.clear();
            return;
        }
        if (shape.height() == 1) {
            Texts.set(activation, String.format(Locale.ROOT, "value = %.4f", current.layer(layer)[index]));
            return;
        }
        int area = shape.height() * shape.width();
        float[] map = new float[area];
        System.arraycopy(current.layer(layer), index * area, map, 0, area);
        float max = 0;
        for (float v : current.layer(layer)) max = Math.max(max, v);
        mapGrid.show(map, max);
        Texts.set(activation, String.format(Locale.ROOT, "a^%d = sum over its %dx%d map of a^%d_ij = %.3f",
                index, shape.height(), shape.width(), index, current.totalActivation(layer, index)));
    }

    private static Div labelled(FeatureMapGrid grid, String caption) {
        Paragraph p = new Paragraph(caption);
        p.addClassName("lab-caption");
        return new Div(grid, p);
    }
}
