package cnnlab.train;

import cnnlab.text.Sentence;
import cnnlab.text.SentimentData;
import cnnlab.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code train text-sst2* --extra-mr}: MR sentences join SST-2's training set only if they share no 5-word run with an
 * SST-2 dev or test sentence (SST re-annotates MR's sentences, so most held-out ones are in MR too).
 */
class ExtraMrTest {
    private static Sentence s(String text, int label) {
        return new Sentence(Tokenizer.tokens(text), label);
    }

    @Test
    void mrSentencesSharingFiveWordsInARowWithDevOrTestStayOutAndTheOthersKeepTheirLabels(@TempDir Path mr) throws Exception {
        Files.writeString(mr.resolve("rt-polarity.pos"), String.join("\n",
                "the film is a gorgeous , witty ride from start to finish .",   // a test sentence again
                "critics agree : a gorgeous , witty ride , mostly",             // 5 words in a row with it
                "a gorgeous , witty film",                                      // 4 in a row: kept
                "quietly moving and never dull") + "\n");
        Files.writeString(mr.resolve("rt-polarity.neg"), String.join("\n",
                "dull mess",                                                    // inside a dev sentence
                "the plot is a shambles , the jokes land with a thud",          // a dev sentence's 5-word run
                "a dull mess of a movie") + "\n");
        TrainText.Split split = new TrainText.Split(List.of(s("quietly moving and never dull", 1)),
                List.of(s("the film is a gorgeous, witty ride from start to finish", 1)),
                List.of(s("what a dull mess", 0), s("the jokes land with a thud every time", 0)));
        List<Sentence> extra = TrainText.extraMr(mr, split);
        assertEquals(List.of(s("a gorgeous , witty film", 1), s("quietly moving and never dull", 1), s("a dull mess of a movie", 0)), extra);
        assertClearOf(extra, split.heldOut());
    }

    /** On the real data (../shared/data, when present): checked word run by word run, independently of the filter. */
    @Test
    void noMrSentenceAddedToSst2SharesAFiveWordRunWithDevOrTest() throws Exception {
        Path sst2 = Path.of("../shared/data/sst2"), mr = Path.of("../shared/data/rt-polarity");
        assumeTrue(Files.isDirectory(sst2) && Files.isDirectory(mr), "../shared/data is not beside the project");
        TrainText.Split split = new TrainText.Split(SentimentData.sst2(sst2, "train"), SentimentData.sst2(sst2, "test"), SentimentData.sst2(sst2, "dev"));
        List<Sentence> extra = TrainText.extraMr(mr, split);
        int all = SentimentData.mr(mr).size();
        assertTrue(extra.size() > all / 2 && extra.size() < all - split.heldOut().size() / 2,
                "most MR sentences are kept, but not the ~2,700 that SST-2 holds out: " + extra.size() + " of " + all);
        assertClearOf(extra, split.heldOut());
    }

    private static void assertClearOf(List<Sentence> extra, List<Sentence> heldOut) {
        Set<List<String>> runs = new HashSet<>();
        for (Sentence h : heldOut) for (int i = 0; i + 5 <= h.tokens().size(); i++) runs.add(new ArrayList<>(h.tokens().subList(i, i + 5)));
        for (Sentence e : extra) {
            for (int i = 0; i + 5 <= e.tokens().size(); i++) {
                assertTrue(!runs.contains(new ArrayList<>(e.tokens().subList(i, i + 5))), "shares a 5-word run with a held-out sentence: " + e);
            }
            if (e.tokens().size() < 5) {
                for (Sentence h : heldOut) assertTrue(Collections.indexOfSubList(h.tokens(), e.tokens()) < 0, "inside a held-out sentence: " + e);
            }
        }
    }
}
