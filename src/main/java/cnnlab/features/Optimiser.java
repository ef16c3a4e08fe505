package cnnlab.features;

/** How a step follows the gradient. */
public enum Optimiser {
    /** x += step * g / mean|g|: the plain gradient ascent of the lecture, with a step size that ignores scale. */
    NORMALISED("normalised gradient ascent", 0.1),
    /** Adam on the pixels: per-pixel step sizes, smoother pictures in fewer steps. */
    ADAM("Adam", 0.05);

    private final String label;
    private final double defaultStep;

    Optimiser(String label, double defaultStep) {
        this.label = label;
        this.defaultStep = defaultStep;
    }

    public String label() {
        return label;
    }

    public double defaultStep() {
        return defaultStep;
    }

    public String id() {
        return name().toLowerCase();
    }
}
