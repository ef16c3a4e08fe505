package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-trained word vectors: what word2vec may read, and how the vectors seed the embedding table. */
class WordVectorsTest {
    private static Sentence s(String text) {
        return new Sentence(Tokenizer.tokens(text), 1);
    }

    @Test
    void theCorpusLeavesOutHeldOutSentencesAndAnyThatShareFiveWordsInARowWithOne() {
        List<Sentence> heldOut = List.of(s("the film is a gorgeous , witty ride from start to finish"), s("dull mess"));
        List<Sentence> sources = List.of(
                s("the film is a gorgeous , witty ride from start to finish"),   // the held-out sentence itself
                s("critics agree : a gorgeous , witty ride , mostly"),            // "a gorgeous , witty ride": 5 in a row
                s("a gorgeous , witty film"),                                     // 4 in a row: kept
                s("dull mess"),                                                   // a short sentence inside a held-out one
                s("a dull mess of a movie"),                                      // shares only 2 words in a row: kept
                s("nothing in common here at all"));
        List<List<String>> corpus = WordVectors.corpus(sources, heldOut);
        assertEquals(List.of(s("a gorgeous , witty film").tokens(), s("a dull mess of a movie").tokens(),
                s("nothing in common here at all").tokens()), corpus);
    }

    @Test
    void vectorsSeedTheirWordsRowsAtARandomRowsLengthAndOtherRowsStayRandom() {
        List<List<String>> corpus = new ArrayList<>();
        Random rng = new Random(3);
        String[] words = {"good", "great", "bad", "awful", "film", "movie", "plot", "acting", "the", "a", "is", "was"};
        for (int i = 0; i < 400; i++) {
            List<String> sentence = new ArrayList<>();
            for (int j = 0; j < 8; j++) sentence.add(words[rng.nextInt(words.length)]);
            corpus.add(sentence);
        }
        WordVectors vectors = WordVectors.train(corpus, new WordVectors.Settings(16, 3, 1, 7));
        assertEquals(16, vectors.dimensions());
        assertTrue(vectors.has("plot") && !vectors.has("zebra"));

        Vocabulary vocabulary = Vocabulary.of(List.of(s("good film zebra"))).plus(List.of("bad", "plot", "good"));
        assertEquals(List.of("<pad>", "<unk>", "film", "good", "zebra", "bad", "plot"),
                java.util.stream.IntStream.range(0, vocabulary.size()).mapToObj(vocabulary::word).toList(), "new words appended once");
        ComputationGraph net = KimCnn.create(vocabulary.size(), 16, 1, 1e-3);
        INDArray table = net.getLayer(KimCnn.EMBEDDING).getParam("W");
        INDArray zebraBefore = table.getRow(vocabulary.index("zebra")).dup();
        assertEquals(4, vectors.initialise(net, vocabulary), "film, good, bad and plot have vectors");
        double length = 0.25 * Math.sqrt(16 / 3.0);
        for (String w : List.of("film", "good", "bad", "plot")) {
            INDArray row = table.getRow(vocabulary.index(w));
            INDArray vector = vectors.vector(w);
            assertEquals(length, row.norm2Number().doubleValue(), 1e-5, w);
            assertEquals(1.0, Transforms.cosineSim(row, vector), 1e-5, w + " points where its word vector points");
        }
        assertEquals(zebraBefore, table.getRow(vocabulary.index("zebra")), "a word without a vector keeps its random row");
        assertFalse(vectors.nearest("good", 3).contains("good"));
    }
}
