package cnnlab.features;

import cnnlab.nn.InputGradients.Depth;

/** What gradient ascent maximises, by layer: a filter of conv1 or conv2, a neuron of the dense layer, or a class. */
public enum Target {
    CONV1("conv1 filter", "filter", 25, Depth.CONV1, 26),
    CONV2("conv2 filter", "filter", 50, Depth.CONV2, 11),
    DENSE("dense neuron", "neuron", 100, Depth.DENSE, 1),
    OUTPUT("output class", "class", 10, Depth.OUTPUT, 1);

    private final String label, unitName;
    private final int units, mapSide;
    private final Depth depth;

    Target(String label, String unitName, int units, Depth depth, int mapSide) {
        this.label = label;
        this.unitName = unitName;
        this.units = units;
        this.depth = depth;
        this.mapSide = mapSide;
    }

    public String label() {
        return label;
    }

    /** "conv2 filters", "output classes": the label for several units. */
    public String plural() {
        return label + (label.endsWith("s") ? "es" : "s");
    }

    /** "filter", "neuron" or "class": how the lecture calls one unit of this layer. */
    public String unitName() {
        return unitName;
    }

    public int units() {
        return units;
    }

    public Depth depth() {
        return depth;
    }

    /** Side of one unit's feature map (1 for neurons and classes). */
    public int mapSide() {
        return mapSide;
    }

    public boolean isFilter() {
        return mapSide > 1;
    }

    /** The measures that make sense for this layer, the first being the default. */
    public Measure[] measures() {
        return switch (this) {
            case CONV1, CONV2 -> new Measure[]{Measure.SUM, Measure.MEAN, Measure.CENTRE};
            case DENSE -> new Measure[]{Measure.VALUE};
            case OUTPUT -> new Measure[]{Measure.LOGIT, Measure.LOG_PROBABILITY};
        };
    }

    public String id() {
        return name().toLowerCase();
    }
}
