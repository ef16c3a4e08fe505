package cnnlab.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which units of a layer to visualise, written the way a person types them: "0-11", "3", "1,4,7-9". */
public final class Units {
    /** The most pictures one run may make: all 100 dense neurons. */
    public static final int MAX = 100;

    private Units() { }

    /** Parses {@code text} for a layer of {@code count} units; throws IllegalArgumentException with a readable message. */
    public static int[] parse(String text, int count) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("choose at least one unit, e.g. 0-11");
        if (text.length() > 400) throw new IllegalArgumentException("the list of units is too long");
        Set<Integer> units = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int dash = p.indexOf('-', 1);
            int from = number(dash < 0 ? p : p.substring(0, dash), count);
            int to = dash < 0 ? from : number(p.substring(dash + 1), count);
            if (to < from) throw new IllegalArgumentException("'" + p + "': a range goes from low to high");
            for (int u = from; u <= to; u++) units.add(u);
        }
        if (units.isEmpty()) throw new IllegalArgumentException("choose at least one unit, e.g. 0-11");
        if (units.size() > MAX) throw new IllegalArgumentException("at most " + MAX + " units at once");
        return units.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int number(String s, int count) {
        int v;
        try {
            v = Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a unit number");
        }
        if (v < 0 || v >= count) throw new IllegalArgumentException("unit " + v + " does not exist: this layer has units 0-" + (count - 1));
        return v;
    }

    /** The shortest text for {@code units}: runs of consecutive numbers become ranges. */
    public static String format(int[] units) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < units.length; ) {
            int j = i;
            while (j + 1 < units.length && units[j + 1] == units[j] + 1) j++;
            parts.add(j > i ? units[i] + "-" + units[j] : String.valueOf(units[i]));
            i = j + 1;
        }
        return String.join(",", parts);
    }

    public static int[] range(int from, int toExclusive) {
        int[] u = new int[toExclusive - from];
        for (int i = 0; i < u.length; i++) u[i] = from + i;
        return u;
    }
}
