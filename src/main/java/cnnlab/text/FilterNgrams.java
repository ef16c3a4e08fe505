package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each filter fires on across a corpus: for every filter, the n-grams where it responded most strongly over all
 * sentences (each sentence's max-over-time winner, distinct n-grams, strongest first). Computed once from the
 * training sentences by {@code evaluate text-*} and shipped beside the model ({@code text-mr.ngrams.tsv}), because the
 * corpus itself is not shipped.
 */
public final class FilterNgrams {
    /** One n-gram and the filter's response to it. */
    public record Ngram(String words, float response) { }

    private final Map<String, List<Ngram>> byFilter;

    private FilterNgrams(Map<String, List<Ngram>> byFilter) {
        this.byFilter = byFilter;
    }

    private static String key(int width, int filter) {
        return width + "/" + filter;
    }

    /** The strongest n-grams of one filter (empty if unknown). */
    public List<Ngram> of(int width, int filter) {
        return byFilter.getOrDefault(key(width, filter), List.of());
    }

    public static Path file(Path model) {
        return cnnlab.nn.ModelFiles.sibling(model, ".ngrams.tsv");
    }

    public static FilterNgrams compute(ComputationGraph net, Vocabulary vocabulary, List<Sentence> sentences, int top) {
        Map<String, Map<String, Float>> best = new HashMap<>();   // filter -> n-gram -> strongest response
        for (int from = 0; from < sentences.size(); from += 100) {
            List<List<String>> batch = sentences.subList(from, Math.min(sentences.size(), from + 100)).stream().map(Sentence::tokens).toList();
            TokenBatch e = TokenBatch.of(batch, vocabulary);
            Map<String, INDArray> a = net.feedForward(new INDArray[] {e.tokens()}, false, false);
            for (int h : KimCnn.WIDTHS) {
                INDArray conv = a.get(KimCnn.conv(h));   // [n, filters, positions]
                for (int i = 0; i < batch.size(); i++) {
                    List<String> words = SentenceReading.padded(batch.get(i));
                    int positions = e.lengths()[i] - h + 1;   // windows inside this sentence (and its own padding)
                    for (int k = 0; k < conv.size(1); k++) {
                        int at = 0;
                        float max = -Float.MAX_VALUE;
                        for (int p = 0; p < positions; p++) {
                            float v = conv.getFloat(i, k, p);
                            if (v > max) {
                                max = v;
                                at = p;
                            }
                        }
                        if (max <= 0) continue;
                        best.computeIfAbsent(key(h, k), x -> new HashMap<>()).merge(String.join(" ", words.subList(at, at + h)), max, Math::max);
                    }
                }
            }
        }
        Map<String, List<Ngram>> out = new LinkedHashMap<>();
        best.forEach((k, m) -> out.put(k, m.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed())
                .limit(top).map(x -> new Ngram(x.getKey(), x.getValue())).toList()));
        return new FilterNgrams(out);
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        byFilter.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey)).forEach(e -> {
            for (Ngram n : e.getValue()) lines.add(e.getKey().replace('/', '\t') + "\t" + String.format(Locale.ROOT, "%.4f", n.response()) + "\t" + n.words());
        });
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads a file written by {@link #write}; a missing file gives an empty table (the page then says so). */
    public static FilterNgrams read(Path file) throws IOException {
        Map<String, List<Ngram>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return new FilterNgrams(out);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 4);
            if (f.length < 4) continue;
            try {
                out.computeIfAbsent(key(Integer.parseInt(f[0]), Integer.parseInt(f[1])), x -> new ArrayList<>())
                        .add(new Ngram(f[3], Float.parseFloat(f[2])));
            } catch (NumberFormatException ignored) {
                // a damaged line: skip it
            }
        }
        return new FilterNgrams(out);
    }

    public static FilterNgrams empty() {
        return new FilterNgrams(Map.of());
    }

    public boolean isEmpty() {
        return byFilter.isEmpty();
    }
}
