package cnnlab.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything that decides a visualisation, so that the same settings always paint the same pictures: they travel
 * in the page's URL (share it with a labmate) and key the cache of finished renders.
 *
 * @param compareL1 paint every unit twice, without and with the L1 constraint (the lecture's two class figures)
 */
public record AscentSettings(Target target, Measure measure, int[] units, Constraints constraints, boolean compareL1,
                             Start start, long seed, int steps, double stepSize, Optimiser optimiser) {
    public static final int MAX_STEPS = 2000;
    public static final double MAX_WEIGHT = 1.0;
    /** L1 weight of the "with L1" half when comparing and no L1 weight is set. */
    public static final double COMPARE_L1 = 0.05;

    /** The lecture's figure: the first 12 filters of conv2, a^k summed over the map, from seeded noise. */
    public static final AscentSettings DEFAULT = new AscentSettings(Target.CONV2, Measure.SUM, Units.range(0, 12),
            Constraints.NONE, false, Start.NOISE, 1, 200, Optimiser.ADAM.defaultStep(), Optimiser.ADAM);

    /** The lecture's class pictures: digits 0-9 from their logits, without and with the L1 ink penalty. */
    public static final AscentSettings CLASSES_WITH_AND_WITHOUT_L1 = new AscentSettings(Target.OUTPUT, Measure.LOGIT,
            Units.range(0, 10), Constraints.NONE.withL1(COMPARE_L1), true, Start.NOISE, 1, 200, Optimiser.ADAM.defaultStep(), Optimiser.ADAM);

    public AscentSettings {
        units = units.clone();
        if (!Arrays.asList(target.measures()).contains(measure)) {
            throw new IllegalArgumentException(measure.label() + " does not apply to a " + target.label());
        }
        for (int u : units) if (u < 0 || u >= target.units()) throw new IllegalArgumentException("no " + target.unitName() + " " + u);
        if (units.length == 0) throw new IllegalArgumentException("choose at least one " + target.unitName());
        if (units.length * (compareL1 ? 2 : 1) > Units.MAX) {
            throw new IllegalArgumentException("at most " + Units.MAX + " pictures at once" + (compareL1 ? " (comparing doubles them)" : ""));
        }
        if (steps < 1 || steps > MAX_STEPS) throw new IllegalArgumentException("steps must be 1-" + MAX_STEPS);
        if (!(stepSize > 0 && stepSize <= 1)) throw new IllegalArgumentException("step size must be in (0, 1]");
        if (constraints.l1() > MAX_WEIGHT || constraints.tv() > MAX_WEIGHT || constraints.l2() > MAX_WEIGHT) {
            throw new IllegalArgumentException("constraint weights are at most " + MAX_WEIGHT);
        }
    }

    /** How many pictures the run paints (the batch size). */
    public int pictures() {
        return units.length * (compareL1 ? 2 : 1);
    }

    /** Picture i's unit (the second half repeats the units when comparing). */
    public int unitOf(int picture) {
        return units[picture % units.length];
    }

    /** Picture i's constraints: when comparing, the first half has no L1 and the second half has it. */
    public Constraints constraintsOf(int picture) {
        if (!compareL1) return constraints;
        boolean withL1 = picture >= units.length;
        double l1 = constraints.l1() > 0 ? constraints.l1() : COMPARE_L1;
        return constraints.withL1(withL1 ? l1 : 0);
    }

    public int[] units() {
        return units.clone();
    }

    // ------------------------------------------------------------------------------------------------ URL form

    /** The settings as URL query parameters, in a fixed order (also the cache key). */
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("layer", target.id());
        q.put("measure", measure.id());
        q.put("units", Units.format(units));
        q.put("l1", number(constraints.l1()));
        q.put("tv", number(constraints.tv()));
        q.put("l2", number(constraints.l2()));
        q.put("jitter", String.valueOf(constraints.jitter()));
        q.put("blur", String.valueOf(constraints.blurEvery()));
        q.put("compare", String.valueOf(compareL1));
        q.put("start", start.id());
        q.put("seed", String.valueOf(seed));
        q.put("steps", String.valueOf(steps));
        q.put("step", number(stepSize));
        q.put("opt", optimiser.id());
        return q;
    }

    public String cacheKey() {
        return toQuery().toString();
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Settings read from a URL: every parameter that is missing or wrong falls back to the default, with a note. */
    public record Parsed(AscentSettings settings, List<String> problems) { }

    public static Parsed fromQuery(Map<String, List<String>> query) {
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(query, problems);
        AscentSettings d = DEFAULT;
        Target target = r.choice("layer", Target.values(), Target::id, d.target);
        Measure measure = r.choice("measure", Measure.values(), Measure::id, target.measures()[0]);
        if (!Arrays.asList(target.measures()).contains(measure)) {
            problems.add("measure " + measure.id() + " does not apply to " + target.label());
            measure = target.measures()[0];
        }
        int[] units = target == d.target ? d.units : Units.range(0, Math.min(12, target.units()));
        String unitText = r.text("units");
        if (unitText != null) {
            try {
                units = Units.parse(unitText, target.units());
            } catch (IllegalArgumentException e) {
                problems.add("units: " + e.getMessage());
            }
        }
        Constraints c;
        try {
            c = new Constraints(r.number("l1", 0, 0, MAX_WEIGHT), r.number("tv", 0, 0, MAX_WEIGHT), r.number("l2", 0, 0, MAX_WEIGHT),
                    (int) r.number("jitter", 0, 0, Constraints.MAX_JITTER), (int) r.number("blur", 0, 0, 100));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            c = Constraints.NONE;
        }
        boolean compare = "true".equals(r.text("compare"));
        if (compare && units.length * 2 > Units.MAX) {
            problems.add("comparing with and without L1 allows at most " + Units.MAX / 2 + " units");
            compare = false;
        }
        Start start = r.choice("start", Start.values(), Start::id, d.start);
        long seed = (long) r.number("seed", d.seed, 0, Integer.MAX_VALUE);
        int steps = (int) r.number("steps", d.steps, 1, MAX_STEPS);
        Optimiser opt = r.choice("opt", Optimiser.values(), Optimiser::id, d.optimiser);
        double step = r.number("step", opt.defaultStep(), 1e-4, 1);
        return new Parsed(new AscentSettings(target, measure, units, c, compare, start, seed, steps, step, opt), problems);
    }

    /** Reads single query parameters, recording what it could not use. */
    private record Reader(Map<String, List<String>> query, List<String> problems) {
        String text(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        double number(String name, double fallback, double min, double max) {
            String t = text(name);
            if (t == null) return fallback;
            try {
                double v = Double.parseDouble(t);
                if (v >= min && v <= max) return v;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(name + " must be a number from " + number(min) + " to " + number(max));
            return fallback;
        }

        <E> E choice(String name, E[] options, Function<E, String> id, E fallback) {
            String t = text(name);
            if (t == null) return fallback;
            for (E e : options) if (id.apply(e).equals(t)) return e;
            problems.add("unknown " + name + " '" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "'");
            return fallback;
        }

        private static String number(double v) {
            return AscentSettings.number(v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AscentSettings s && cacheKey().equals(s.cacheKey());
    }

    @Override
    public int hashCode() {
        return cacheKey().hashCode();
    }

    @Override
    public String toString() {
        return cacheKey();
    }
}
