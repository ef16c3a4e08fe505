package cnnlab.features;

/** How one unit's output becomes the number that ascent maximises. */
public enum Measure {
    /** The lecture's degree of activation of filter k: a^k = sum over i,j of a^k_ij. */
    SUM("sum a^k = Σ a^k_ij", "a^k"),
    MEAN("mean of the map", "mean a^k_ij"),
    /** Only the unit in the middle of the map: what one neuron of the conv layer sees (its receptive field). */
    CENTRE("centre unit", "centre a^k_ij"),
    VALUE("a_j", "a_j"),
    LOGIT("logit y_j", "y_j"),
    LOG_PROBABILITY("log-probability log p_j", "log p_j");

    private final String label, symbol;

    Measure(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    /** The quantity's short name, as in "a^k = 41.2". */
    public String symbol() {
        return symbol;
    }

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
