package cnnlab.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps held-out sentences out of anything a model learns from. MR and SST-2 are cut from the same Rotten Tomatoes
 * reviews, so the other dataset holds most held-out sentences again, re-tokenised or slightly re-cut: a sentence is
 * left out if it shares {@value #OVERLAP} consecutive words with a held-out one (or, if shorter, occurs inside one).
 * Used for word2vec's unlabelled corpus and for MR sentences added to SST-2's training set.
 */
public final class HeldOutOverlap {
    /** A sentence sharing this many consecutive words with a held-out sentence is left out. */
    public static final int OVERLAP = 5;

    private HeldOutOverlap() { }

    /** The sentences of {@code sources}, in order, that share no {@value #OVERLAP}-word run with any of {@code heldOut}. */
    public static List<Sentence> clearOf(Collection<Sentence> sources, Collection<Sentence> heldOut) {
        Set<List<String>> banned = new HashSet<>();
        for (Sentence s : heldOut) banned.addAll(ngrams(s.tokens()));
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : sources) {
            if (s.tokens().size() < OVERLAP ? !containsAsRun(heldOut, s.tokens()) : Collections.disjoint(ngrams(s.tokens()), banned)) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<List<String>> ngrams(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        if (tokens.size() < OVERLAP) out.add(tokens);
        for (int i = 0; i + OVERLAP <= tokens.size(); i++) out.add(tokens.subList(i, i + OVERLAP));
        return out;
    }

    /** A sentence shorter than {@value #OVERLAP} words is left out if it occurs inside a held-out sentence. */
    private static boolean containsAsRun(Collection<Sentence> heldOut, List<String> shortSentence) {
        for (Sentence h : heldOut) if (Collections.indexOfSubList(h.tokens(), shortSentence) >= 0) return true;
        return false;
    }
}
