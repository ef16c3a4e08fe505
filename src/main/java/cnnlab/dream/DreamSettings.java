package cnnlab.dream;

/**
 * A Deep Dream: which network and layer to amplify (all its filters, or some: {@code filters} as typed, e.g. "0-7"),
 * how (sum of squares, or a . sign(a)), and the original DeepDream's multi-scale recipe: octaves of a given scale,
 * gradient steps per octave normalised by the mean gradient, random shifts (jitter) between steps.
 */
public record DreamSettings(String network, String layer, String filters, Objective objective, int octaves, double octaveScale,
                            int stepsPerOctave, double stepSize, int jitter, int size, long seed) {
    public static final int MIN_SIZE = 32, MAX_SIZE = 512, DEFAULT_SIZE = 256, MAX_OCTAVES = 6, MAX_STEPS = 100;
    public static final String ALL = "all";

    /** The lecture: "make positive activations more positive and negative ones more negative". */
    public enum Objective {
        /** Ascend on the sum of a^2: the gradient is 2a, each activation pushed further the way it already points. */
        SQUARES("sum of squares (a²)"),
        /** Ascend on a . sign(a) = |a|: every activation pushed the way it points, by the same amount. */
        SIGN("a · sign(a)");

        private final String label;

        Objective(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DreamSettings {
        if (layer == null || layer.isBlank()) throw new IllegalArgumentException("choose a layer");
        if (filters == null || filters.isBlank()) filters = ALL;
        if (size < MIN_SIZE || size > MAX_SIZE) throw new IllegalArgumentException("size must be " + MIN_SIZE + ".." + MAX_SIZE + " px");
        if (octaves < 1 || octaves > MAX_OCTAVES) throw new IllegalArgumentException("octaves must be 1.." + MAX_OCTAVES);
        if (!(octaveScale >= 1.1 && octaveScale <= 2.0)) throw new IllegalArgumentException("octave scale must be 1.1..2.0");
        if (stepsPerOctave < 1 || stepsPerOctave > MAX_STEPS) throw new IllegalArgumentException("steps per octave must be 1.." + MAX_STEPS);
        if (!(stepSize > 0 && stepSize <= 0.2)) throw new IllegalArgumentException("step size must be in (0, 0.2]");
        if (jitter < 0 || jitter > 64) throw new IllegalArgumentException("jitter must be 0..64 px");
    }

    public static DreamSettings defaults(String network, String layer) {
        return new DreamSettings(network, layer, ALL, Objective.SQUARES, 4, 1.4, 10, 0.01, 16, DEFAULT_SIZE, 1);
    }

    public int totalSteps() {
        return octaves * stepsPerOctave;
    }

    public DreamSettings withLayer(String l, String f) {
        return new DreamSettings(network, l, f, objective, octaves, octaveScale, stepsPerOctave, stepSize, jitter, size, seed);
    }

    public DreamSettings withOctaves(int n, double scale) {
        return new DreamSettings(network, layer, filters, objective, n, scale, stepsPerOctave, stepSize, jitter, size, seed);
    }

    public DreamSettings withSteps(int perOctave, double step) {
        return new DreamSettings(network, layer, filters, objective, octaves, octaveScale, perOctave, step, jitter, size, seed);
    }

    public DreamSettings withObjective(Objective o) {
        return new DreamSettings(network, layer, filters, o, octaves, octaveScale, stepsPerOctave, stepSize, jitter, size, seed);
    }

    public DreamSettings withSize(int px) {
        return new DreamSettings(network, layer, filters, objective, octaves, octaveScale, stepsPerOctave, stepSize, jitter, px, seed);
    }
}
