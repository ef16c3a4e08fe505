package cnnlab.bench;

import cnnlab.nn.NativeThreads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench torch}: the rows ../shared/bench/peer_torch.py measures, ours and PyTorch's, in the same run and
 * alternating (the machine is shared and noisy), several rounds; prints each row's median for both and the median
 * of the per-round ratios (ours / PyTorch: below 1 is faster than PyTorch).
 */
public final class TorchComparison {
    /** The peer's rows, in the order it prints them. */
    static final List<String> ROWS = List.of("classify_b1_ms", "classify_b64_ms", "ascent_conv2_b12_ms", "ascent_class_l1_ms",
            "train_b64_ms", "viz_conv2_12x200_s");

    private final Path models, peer;
    private final int rounds, torchThreads;

    public TorchComparison(Path models, Path peer, int rounds, int torchThreads) {
        this.models = models;
        this.peer = peer;
        this.rounds = rounds;
        this.torchThreads = torchThreads;
    }

    public int run(PrintStream out) throws Exception {
        if (!Files.isRegularFile(peer)) {
            System.err.println("the PyTorch peer script is not at " + peer + " (--peer FILE)");
            return 2;
        }
        Map<String, List<Double>> ours = new HashMap<>(), theirs = new HashMap<>(), ratios = new HashMap<>();
        for (int r = 1; r <= rounds; r++) {
            Map<String, Double> o = ours();
            Map<String, Double> t = torch();
            for (String row : ROWS) {
                if (!o.containsKey(row) || !t.containsKey(row)) continue;
                ours.computeIfAbsent(row, k -> new ArrayList<>()).add(o.get(row));
                theirs.computeIfAbsent(row, k -> new ArrayList<>()).add(t.get(row));
                ratios.computeIfAbsent(row, k -> new ArrayList<>()).add(o.get(row) / t.get(row));
            }
            out.printf(Locale.ROOT, "# round %d of %d done%n", r, rounds);
        }
        for (String row : ROWS) {
            if (!ratios.containsKey(row)) continue;
            out.printf(Locale.ROOT, "%s cnnlab=%.3f torch=%.3f ratio=%.2f%n", row, median(ours.get(row)), median(theirs.get(row)), median(ratios.get(row)));
        }
        out.println("# ratio = CNN Lab / PyTorch per round, median of " + rounds + " rounds; PyTorch on " + torchThreads
                + " threads; CNN Lab on 1 BLAS thread (as the server), training split between the cores (as train mnist)");
        return 0;
    }

    private Map<String, Double> ours() throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        NativeThreads.useOneBlasThread();
        m.putAll(capture(out -> new DigitsBench(models).run(out)));
        m.putAll(capture(out -> new FeaturesBench(models).run(out)));
        m.putAll(capture(out -> new TrainBench().run(out)));
        return m;
    }

    private Map<String, Double> torch() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", peer.toString(), String.valueOf(torchThreads)).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("peer_torch.py failed (install: apt-get install -y python3-torch):\n" + text);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && ROWS.contains(parts[0])) m.put(parts[0], Double.parseDouble(parts[1]));
        }
        return m;
    }

    private interface Bench {
        void run(PrintStream out) throws Exception;
    }

    /** A bench's name=value lines. */
    private static Map<String, Double> capture(Bench bench) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            bench.run(out);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            try {
                m.put(line.substring(0, eq).trim(), Double.parseDouble(line.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                // a descriptive line, not a figure
            }
        }
        return m;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
