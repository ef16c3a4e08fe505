package cnnlab.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The two sentence-polarity datasets of Kim (2014), read from ../shared/data: MR (rt-polarity: one file of positive
 * and one of negative snippets, no official split, so 10-fold cross-validation) and SST-2 (train/dev/test files of
 * "label sentence" lines).
 */
public final class SentimentData {
    private SentimentData() { }

    /** MR: rt-polarity.pos (label 1) then rt-polarity.neg (label 0), in file order. */
    public static List<Sentence> mr(Path folder) throws IOException {
        List<Sentence> all = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("rt-polarity.pos"), StandardCharsets.UTF_8)) add(all, line, 1);
        for (String line : Files.readAllLines(folder.resolve("rt-polarity.neg"), StandardCharsets.UTF_8)) add(all, line, 0);
        return all;
    }

    /** One SST-2 split: "train", "dev" or "test" (stsa.binary.&lt;split&gt;). */
    public static List<Sentence> sst2(Path folder, String split) throws IOException {
        return labelled(Files.readAllLines(folder.resolve("stsa.binary." + split), StandardCharsets.UTF_8));
    }

    /** "label sentence" lines (SST-2's format; also the shipped test slices). */
    public static List<Sentence> labelled(List<String> lines) {
        List<Sentence> out = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.length() < 2 || (s.charAt(0) != '0' && s.charAt(0) != '1') || !Character.isWhitespace(s.charAt(1))) continue;
            add(out, s.substring(2), s.charAt(0) - '0');
        }
        return out;
    }

    private static void add(List<Sentence> out, String text, int label) {
        List<String> tokens = Tokenizer.tokens(text);
        if (!tokens.isEmpty()) out.add(new Sentence(tokens, label));
    }

    /**
     * Kim's cross-validation: the examples shuffled once with {@code seed} and dealt into {@code k} folds; returns
     * the fold of every example (same order as {@code examples}).
     */
    public static int[] folds(int n, int k, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[order.get(i)] = i % k;
        return fold;
    }
}
