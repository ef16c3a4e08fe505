package cnnlab.go;

import cnnlab.ui.Caption;
import cnnlab.ui.FeatureMapGrid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * "What does the network see?": the position as the input planes both networks get, then the first convolution of
 * one network on it: every 5x5 filter's feature map (click one to see the filter's weights on each plane).
 */
public class NetworkSees extends Div {
    private final FeatureMapGrid planes = new FeatureMapGrid(FeaturePlanes.PLANES, Board.SIZE, Board.SIZE, FeaturePlanes.PLANES, 5,
            FeatureMapGrid.Palette.GRAY);
    private final RadioButtonGroup<PolicyNet> network = new RadioButtonGroup<>();
    private final FeatureMapGrid maps = new FeatureMapGrid(PolicyNet.FILTERS, Board.SIZE, Board.SIZE, 8, 4, FeatureMapGrid.Palette.INFERNO);
    private final FeatureMapGrid filter = new FeatureMapGrid(FeaturePlanes.PLANES, 5, 5, FeaturePlanes.PLANES, 12,
            FeatureMapGrid.Palette.DIVERGING);
    private final H4 filterTitle = new H4();
    private GoService.FirstLayer layer;
    private int selected = 0;

    /** {@code onNetwork} is told when the user picks the other network (its first layer must then be computed). */
    public NetworkSees(List<PolicyNet> available, Consumer<PolicyNet> onNetwork) {
        addClassName("go-sees");
        planes.setId("planes");
        planes.setLabels(Arrays.asList(FeaturePlanes.NAMES));
        planes.setCaptions(Arrays.asList(FeaturePlanes.NAMES));
        network.setItems(available);
        network.setItemLabelGenerator(PolicyPanel::title);
        if (!available.isEmpty()) network.setValue(available.get(0));
        network.setId("sees-network");
        network.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) onNetwork.accept(e.getValue());
        });
        maps.setId("first-layer");
        maps.setLabels(IntStream.range(0, PolicyNet.FILTERS).mapToObj(i -> "filter " + i + " (click for its weights)").toList());
        maps.addMapClickListener(i -> {
            if (i >= 0 && i < PolicyNet.FILTERS) {
                selected = i;
                showFilter();
            }
        });
        filter.setId("filter-weights");
        filter.setLabels(Arrays.asList(FeaturePlanes.NAMES));
        filter.setCaptions(Arrays.asList(FeaturePlanes.NAMES));
        filterTitle.setId("filter-title");
        add(new H4("The input planes"), planes,
                Caption.of("Both networks get the position as these 19x19 planes, seen from the side to move (white = 1). "
                        + "The plane of ones tells the zero-padded filters where the board ends."),
                new H4("The first layer"), network, maps,
                Caption.of("What each 5x5 filter of the first convolution picks out of those planes (after ReLU; brighter = "
                        + "stronger). Every map is 19x19, one answer per point; the pooled network halves them right after this layer."),
                filterTitle, filter,
                Caption.of("The filter's weights on each input plane: red adds, blue subtracts, white ignores."));
    }

    public PolicyNet network() {
        return network.getValue();
    }

    public void showPlanes(Board board) {
        planes.show(FeaturePlanes.of(board), 1f);
    }

    public void showFirstLayer(GoService.FirstLayer firstLayer) {
        layer = firstLayer;
        maps.show(firstLayer.maps(), firstLayer.max());
        showFilter();
    }

    private void showFilter() {
        if (layer == null) return;
        maps.setSelected(selected);
        filterTitle.setText(String.format(Locale.ROOT, "Filter %d of the network \"%s\"", selected, PolicyPanel.title(network.getValue())));
        filter.showSigned(layer.filter(selected));
    }

    FeatureMapGrid planes() {
        return planes;
    }

    FeatureMapGrid maps() {
        return maps;
    }

    FeatureMapGrid filter() {
        return filter;
    }
}
