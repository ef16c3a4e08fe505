package cnnlab.features;

import cnnlab.nn.LectureCnn;
import cnnlab.ui.FeatureMapGrid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The generated pictures of a run as grids, each with its objective value and the network's verdict underneath;
 * one grid, or two ("without L1" / "with L1") when comparing. Clicking a picture selects it.
 */
public class PictureBoard extends Div {
    private final IntConsumer onSelect;
    private final List<FeatureMapGrid> grids = new ArrayList<>();
    private String layout = "";

    public PictureBoard(IntConsumer onSelect) {
        this.onSelect = onSelect;
        addClassName("lab-board");
        setId("pictures");
    }

    public void show(AscentFrame f, int selected) {
        AscentSettings s = f.settings();
        int halves = s.compareL1() ? 2 : 1, per = f.pictures() / halves;
        String key = f.pictures() + "/" + halves;
        if (!key.equals(layout)) build(s, halves, per);
        for (int h = 0; h < halves; h++) {
            FeatureMapGrid g = grids.get(h);
            int from = h * per;
            g.show(Arrays.copyOfRange(f.images(), from * LectureCnn.PIXELS, (from + per) * LectureCnn.PIXELS), 1f);
            List<String> captions = new ArrayList<>(), labels = new ArrayList<>();
            for (int i = from; i < from + per; i++) {
                captions.add(String.format(Locale.ROOT, "%s %d: %s → %d", shortName(s.target()), s.unitOf(i), value(f.objective()[i]), f.verdict()[i]));
                labels.add(f.caption(i));
            }
            g.setCaptions(captions);
            g.setLabels(labels);
            g.setSelected(selected >= from && selected < from + per ? selected - from : -1);
        }
    }

    private void build(AscentSettings s, int halves, int per) {
        removeAll();
        grids.clear();
        layout = per * halves + "/" + halves;
        // the lecture's 12 filters as 2 rows of 6 large pictures; bigger sets, and each half of a comparison
        // (so that "without" and "with" line up), 10 smaller ones to a row
        boolean large = per <= 12 && halves == 1;
        int columns = Math.min(per, large ? 6 : 10), cell = large ? 3 : 2;
        for (int h = 0; h < halves; h++) {
            FeatureMapGrid g = new FeatureMapGrid(per, LectureCnn.SIDE, LectureCnn.SIDE, columns, cell, FeatureMapGrid.Palette.GRAY);
            int offset = h * per;
            g.addMapClickListener(i -> {
                if (i >= 0 && i < per) onSelect.accept(offset + i);   // the index comes from the browser
            });
            g.addClassName("lab-picture-grid");
            grids.add(g);
            if (halves == 2) {
                double l1 = s.constraintsOf(per).l1();
                add(new H4(h == 0 ? "Without L1" : String.format(Locale.ROOT, "With L1 (λ = %.3f)", l1)));
            }
            add(g);
        }
    }

    public void clear() {
        removeAll();
        grids.clear();
        layout = "";
    }

    List<FeatureMapGrid> grids() {
        return grids;
    }

    private static String shortName(Target t) {
        return switch (t) {
            case CONV1, CONV2 -> "f";
            case DENSE -> "n";
            case OUTPUT -> "y";
        };
    }

    private static String value(float v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
