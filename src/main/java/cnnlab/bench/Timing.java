package cnnlab.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/** Medians of repeated runs (the machine is shared and noisy) and the name=value lines the bench commands print. */
final class Timing {
    private Timing() { }

    static double medianMs(int warm, int n, Runnable r) {
        for (int i = 0; i < warm; i++) r.run();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(t);
        return t[n / 2];
    }

    static void print(PrintStream out, String name, double value) {
        out.println(name + "=" + String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value));
    }
}
