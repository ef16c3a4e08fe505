package cnnlab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vocabulary, dataset lines, cross-validation folds and the padded, masked batches the network takes. */
class TextDataTest {
    private static final List<Sentence> TINY = List.of(
            new Sentence(List.of("not", "good"), 0),
            new Sentence(List.of("very", "good", "film"), 1),
            new Sentence(List.of("good"), 1));

    @Test
    void vocabularyStartsWithPaddingAndUnknownThenTheMostFrequentWords() throws Exception {
        Vocabulary v = Vocabulary.of(TINY);
        assertEquals(List.of("<pad>", "<unk>", "good", "film", "not", "very"), List.of(v.word(0), v.word(1), v.word(2), v.word(3), v.word(4), v.word(5)));
        assertEquals(Vocabulary.UNK, v.index("unseen"));
        assertTrue(v.knows("film"));
        assertFalse(v.knows("<unk>"));
        assertFalse(v.knows("unseen"));
    }

    @Test
    void vocabularyFilesRoundTripAndForeignFilesAreRefused(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.of(TINY);
        v.write(dir.resolve("v.txt"));
        Vocabulary back = Vocabulary.read(dir.resolve("v.txt"));
        assertEquals(v.size(), back.size());
        assertEquals(v.index("very"), back.index("very"));
        Files.writeString(dir.resolve("junk.txt"), "hello\nworld\n");
        assertThrows(java.io.IOException.class, () -> Vocabulary.read(dir.resolve("junk.txt")));
    }

    @Test
    void labelledLinesAreReadAndBrokenOnesSkipped() {
        List<Sentence> s = SentimentData.labelled(List.of("1 a gorgeous film .", "0 dull", "x not a label", "", "2 nine", "1"));
        assertEquals(2, s.size());
        assertEquals(new Sentence(List.of("a", "gorgeous", "film"), 1), s.get(0));
        assertEquals(0, s.get(1).label());
    }

    @Test
    void foldsAreBalancedAndRepeatable() {
        int[] f = SentimentData.folds(10_662, 10, 7);
        int[] count = new int[10];
        for (int x : f) count[x]++;
        for (int c : count) assertTrue(c == 1066 || c == 1067, "fold size " + c);
        assertArrayEquals(f, SentimentData.folds(10_662, 10, 7));
    }

    @Test
    void shortSentencesArePaddedSoTheWidestFilterFitsAndBatchPaddingIsMasked() {
        Vocabulary v = Vocabulary.of(TINY);
        TokenBatch e = TokenBatch.of(List.of(List.of("good"), List.of("very", "good", "film", "tonight")), v);
        int longest = 4 + 2 * KimCnn.PAD;
        assertArrayEquals(new long[] {2, longest}, e.tokens().shape());
        assertTrue(1 + 2 * KimCnn.PAD >= 5, "one word plus padding fills a 5-word filter");
        assertEquals(v.index("good"), e.tokens().getInt(0, KimCnn.PAD));
        assertEquals(Vocabulary.PAD, e.tokens().getInt(0, KimCnn.PAD + 1));
        assertEquals(Vocabulary.UNK, e.tokens().getInt(1, KimCnn.PAD + 3), "an unseen word maps to UNK");
        assertEquals(1 + 2 * KimCnn.PAD, e.mask().getRow(0).sumNumber().intValue(), "batch padding is masked");
        assertEquals(longest, e.mask().getRow(1).sumNumber().intValue());
    }
}
