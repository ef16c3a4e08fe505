package cnnlab.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words to embedding rows, saved with the model: row 0 is padding, row 1 stands for every word the training data
 * did not have (UNK), then the training words, most frequent first (ties alphabetical, so the order is stable).
 */
public final class Vocabulary {
    public static final int PAD = 0, UNK = 1;
    public static final String PAD_WORD = "<pad>", UNK_WORD = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> index = new HashMap<>();

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) index.putIfAbsent(this.words.get(i), i);
    }

    /** Every word of {@code sentences} (Kim keeps all of them, however rare). */
    public static Vocabulary of(Collection<Sentence> sentences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sentence s : sentences) for (String t : s.tokens()) counts.merge(t, 1, Integer::sum);
        List<String> sorted = new ArrayList<>(counts.keySet());
        sorted.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        List<String> words = new ArrayList<>(List.of(PAD_WORD, UNK_WORD));
        words.addAll(sorted);
        return new Vocabulary(words);
    }

    /**
     * This vocabulary and then {@code extra}'s words it lacks, in their order: words that only pre-trained word vectors
     * know (never in a labelled training sentence) still get their vector rather than UNK's.
     */
    public Vocabulary plus(Collection<String> extra) {
        List<String> all = new ArrayList<>(words);
        for (String w : extra) if (!index.containsKey(w)) all.add(w);
        return new Vocabulary(all);
    }

    public static Vocabulary read(Path file) throws IOException {
        List<String> words = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (words.size() < 2 || !words.get(PAD).equals(PAD_WORD) || !words.get(UNK).equals(UNK_WORD)) {
            throw new IOException(file + " is not a vocabulary file (it must start with " + PAD_WORD + " and " + UNK_WORD + ")");
        }
        return new Vocabulary(words);
    }

    public void write(Path file) throws IOException {
        Files.write(file, words, StandardCharsets.UTF_8);
    }

    public int size() {
        return words.size();
    }

    /** The row of {@code word}, {@link #UNK} if it is not known. */
    public int index(String word) {
        return index.getOrDefault(word, UNK);
    }

    public String word(int row) {
        return words.get(row);
    }

    public boolean knows(String word) {
        return index.containsKey(word) && index.get(word) > UNK;
    }
}
