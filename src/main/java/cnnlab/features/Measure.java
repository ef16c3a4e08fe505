package cnnlab.features;

/** How one unit's output becomes the number that ascent maximises. */
public enum Measure {
    /** The lecture's degree of activation of filter k: a^k = sum over i,j of a^k_ij. */
    SUM("sum a^k = Σ a^k_ij"),
    MEAN("mean of the map"),
    /** Only the unit in the middle of the map: what one neuron of the conv layer sees (its receptive field). */
    CENTRE("centre unit"),
    VALUE("a_j"),
    LOGIT("logit y_j"),
    LOG_PROBABILITY("log-probability log p_j");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
