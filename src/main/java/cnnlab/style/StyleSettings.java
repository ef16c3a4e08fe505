package cnnlab.style;

/**
 * What a style transfer optimises: on which network, how strongly each loss counts, at what size and for how long.
 * The weights multiply scale-free losses (see {@link StyleLosses}), so the same defaults work on every network.
 */
public record StyleSettings(String network, double contentWeight, double styleWeight, double tvWeight, int size,
                            Optimiser optimiser, boolean startFromContent, int iterations, long seed) {
    public static final int MIN_SIZE = 64, MAX_SIZE = 512, DEFAULT_SIZE = 256, MAX_ITERATIONS = 1000;

    public enum Optimiser { LBFGS, ADAM }

    public StyleSettings {
        if (size < MIN_SIZE || size > MAX_SIZE) throw new IllegalArgumentException("size must be " + MIN_SIZE + ".." + MAX_SIZE + " px");
        if (iterations < 1 || iterations > MAX_ITERATIONS) throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
        if (!(contentWeight >= 0 && styleWeight >= 0 && tvWeight >= 0)) throw new IllegalArgumentException("weights must be >= 0");
        if (contentWeight + styleWeight == 0) throw new IllegalArgumentException("content or style must count");
    }

    public static StyleSettings defaults(String network) {
        return new StyleSettings(network, 1, 1e4, 1, DEFAULT_SIZE, Optimiser.LBFGS, true, 100, 1);
    }

    public StyleSettings withNetwork(String id) {
        return new StyleSettings(id, contentWeight, styleWeight, tvWeight, size, optimiser, startFromContent, iterations, seed);
    }

    public StyleSettings withSize(int px) {
        return new StyleSettings(network, contentWeight, styleWeight, tvWeight, px, optimiser, startFromContent, iterations, seed);
    }

    public StyleSettings withIterations(int n) {
        return new StyleSettings(network, contentWeight, styleWeight, tvWeight, size, optimiser, startFromContent, n, seed);
    }

    public StyleSettings withOptimiser(Optimiser o) {
        return new StyleSettings(network, contentWeight, styleWeight, tvWeight, size, o, startFromContent, iterations, seed);
    }

    public StyleSettings withWeights(double content, double style, double tv) {
        return new StyleSettings(network, content, style, tv, size, optimiser, startFromContent, iterations, seed);
    }

    public StyleSettings withStartFromContent(boolean fromContent) {
        return new StyleSettings(network, contentWeight, styleWeight, tvWeight, size, optimiser, fromContent, iterations, seed);
    }
}
