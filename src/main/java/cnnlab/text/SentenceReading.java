package cnnlab.text;

import java.util.List;

/**
 * What Kim's CNN makes of one sentence: its tokens, P(positive), every filter's response at every position (per
 * width: [filter][position], positions counted in the padded sentence), and the filters that moved the decision
 * most, each with the n-gram where its response peaked (the one max-over-time pooling kept); {@code embedded} is the
 * matrix the filters slide over, one row per word of the padded sentence.
 */
public record SentenceReading(List<String> tokens, List<Boolean> known, double positive, List<Width> widths, List<Hit> top,
                              float[][] embedded) {
    /** The responses of the filters of one width: [filter][position], position 0 = the first (padding) word. */
    public record Width(int width, float[][] responses) { }

    /**
     * One filter's winning n-gram: {@code start} is the first position of its window in the padded sentence; the
     * words it covers are sentence tokens {@code start - PAD} to {@code start - PAD + width - 1} (some may be padding).
     * {@code contribution} is its pooled value times its weight towards positive minus towards negative.
     */
    public record Hit(int width, int filter, float value, int start, float contribution) {
        /** The sentence tokens the window covers, clipped to the sentence (padding left out). */
        public int firstToken() {
            return Math.max(0, start - KimCnn.PAD);
        }

        public int lastToken(int sentenceLength) {
            return Math.min(sentenceLength - 1, start - KimCnn.PAD + width - 1);
        }
    }

    /** The padded sentence's words, padding as "·": the rows of {@link #embedded}. */
    public List<String> paddedWords() {
        return padded(tokens);
    }

    /** {@code tokens} with {@link KimCnn#PAD} padding words ("·") on each side, as the filters see them. */
    static List<String> padded(List<String> tokens) {
        List<String> w = new java.util.ArrayList<>();
        for (int p = 0; p < tokens.size() + 2 * KimCnn.PAD; p++) {
            int t = p - KimCnn.PAD;
            w.add(t >= 0 && t < tokens.size() ? tokens.get(t) : "·");
        }
        return w;
    }

    public String label() {
        return positive >= 0.5 ? "positive" : "negative";
    }

    /** The probability of the label given. */
    public double confidence() {
        return Math.max(positive, 1 - positive);
    }

    /** The words of a hit's window, padding shown as "·". */
    public String ngram(Hit hit) {
        return String.join(" ", paddedWords().subList(hit.start(), hit.start() + hit.width()));
    }
}
