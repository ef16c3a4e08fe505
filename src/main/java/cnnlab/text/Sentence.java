package cnnlab.text;

import java.util.List;

/** One labelled example: its tokens (see {@link Tokenizer}) and its polarity, 1 = positive, 0 = negative. */
public record Sentence(List<String> tokens, int label) {
    public Sentence {
        tokens = List.copyOf(tokens);
        if (label != 0 && label != 1) throw new IllegalArgumentException("label must be 0 or 1, was " + label);
    }
}
