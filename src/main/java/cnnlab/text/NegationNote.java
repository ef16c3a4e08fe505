package cnnlab.text;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lesson a negated sentence teaches about Kim's CNN. Each filter reads one window of 3, 4 or 5 words and max
 * pooling keeps only its strongest window anywhere in the sentence; nothing carries "not" over to the words it
 * negates, so "not a bad movie at all" is mostly read as "bad movie". The note names the windows that decided.
 */
public final class NegationNote {
    /** Words that turn the meaning of what follows (after Kim's tokenizer, which splits "isn't" into "is n't"). */
    static final Set<String> NEGATORS = Set.of("not", "n't", "no", "never", "nothing", "nor", "neither", "without", "hardly");
    private static final int WINDOWS_NAMED = 3;

    private NegationNote() { }

    /** The note for this reading, if its sentence has a negation word. */
    public static Optional<String> of(SentenceReading r) {
        Optional<String> negator = r.tokens().stream().filter(NEGATORS::contains).findFirst();
        if (negator.isEmpty()) return Optional.empty();
        StringBuilder decided = new StringBuilder();
        r.top().stream()
                .sorted(Comparator.comparingDouble((SentenceReading.Hit h) -> -Math.abs(h.contribution())))
                .limit(WINDOWS_NAMED)
                .forEach(h -> decided.append(decided.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "\u201c%s\u201d (%+.2f)", r.ngram(h), h.contribution())));
        return Optional.of("This sentence has \u201c" + negator.get() + "\u201d in it. A CNN over words has no rule for "
                + "negation: each filter looks at one window of 3 to 5 words, and max pooling keeps only its strongest "
                + "window anywhere in the sentence, so a window with \u201c" + negator.get() + "\u201d outside it is read as "
                + "if the word were not there. The windows that decided this verdict most" + (r.positive() >= 0.5
                ? " (towards positive: +)" : " (towards negative: \u2212)") + ": " + decided + ".");
    }
}
