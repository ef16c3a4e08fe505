package cnnlab.text;

import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Word vectors the project pre-trains itself (DL4J Word2Vec, skip-gram) on unlabelled sentences, to start Kim's
 * CNN-non-static from: Kim used vectors trained on 100 billion words of Google News; here the corpus is every sentence
 * of MR and SST-2 except those that could leak a held-out sentence ({@link #corpus}), so the gain is smaller.
 */
public final class WordVectors {
    /**
     * Vector size, context window (words each side), passes over the corpus, seed; words seen fewer than
     * {@code minCount} times get no vector; {@code negative} noise words per context word (negative sampling, as
     * Mikolov's GoogleNews vectors) or 0 for hierarchical softmax (DL4J's default); {@code sample}: Mikolov's
     * down-sampling of frequent words (e.g. 1e-4; 0 = none), which on a small corpus leaves more of each window to the
     * content words.
     */
    public record Settings(int dimensions, int window, int epochs, long seed, int minCount, int negative, double sample) {
        public Settings {
            if (window < 1 || epochs < 1 || minCount < 1 || negative < 0 || sample < 0) {
                throw new IllegalArgumentException("word2vec needs window, passes and minimum count >= 1, negative samples and sampling >= 0");
            }
        }

        /** Every word gets a vector; hierarchical softmax; no down-sampling. */
        public Settings(int dimensions, int window, int epochs, long seed) {
            this(dimensions, window, epochs, seed, 1, 0, 0);
        }
    }

    /** A corpus sentence sharing this many consecutive words with a held-out sentence is left out. */
    public static final int OVERLAP = HeldOutOverlap.OVERLAP;

    private final Word2Vec vectors;

    private WordVectors(Word2Vec vectors) {
        this.vectors = vectors;
    }

    /** Skip-gram on already tokenised sentences, one worker for repeatability. */
    public static WordVectors train(List<List<String>> sentences, Settings settings) {
        List<String> lines = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) lines.add(String.join(" ", s));   // tokens never contain spaces
        Word2Vec.Builder b = new Word2Vec.Builder();
        if (settings.negative() > 0) b.negativeSample(settings.negative()).useHierarchicSoftmax(false);
        if (settings.sample() > 0) b.sampling(settings.sample());
        Word2Vec w2v = b
                .minWordFrequency(settings.minCount())
                .layerSize(settings.dimensions())
                .windowSize(settings.window())
                .epochs(settings.epochs())
                .seed(settings.seed())
                .workers(1)
                .iterate(new CollectionSentenceIterator(lines))
                .tokenizerFactory(new DefaultTokenizerFactory())   // whitespace: the tokens are Tokenizer's already
                .build();
        w2v.fit();
        return new WordVectors(w2v);
    }

    /**
     * The unlabelled text word2vec may read when a model will be tested on {@code heldOut}: every sentence of
     * {@code sources} except the held-out ones and any sharing {@value #OVERLAP} consecutive words with one (see
     * {@link HeldOutOverlap}).
     * Reading them would leak: on MR fold 0 it lifted accuracy from 77% to 81%.
     */
    public static List<List<String>> corpus(Collection<Sentence> sources, Collection<Sentence> heldOut) {
        return HeldOutOverlap.clearOf(sources, heldOut).stream().map(Sentence::tokens).toList();
    }

    /** The words that have a vector. */
    public Collection<String> words() {
        return vectors.getVocab().words();
    }

    public boolean has(String word) {
        return vectors.hasWord(word);
    }

    /** The vector of {@code word} as a row, null if it has none. */
    public INDArray vector(String word) {
        return has(word) ? vectors.getWordVectorMatrix(word).reshape(1, dimensions()) : null;
    }

    public int dimensions() {
        return vectors.getLayerSize();
    }

    public List<String> nearest(String word, int n) {
        return has(word) ? new ArrayList<>(vectors.wordsNearest(word, n)) : List.of();
    }

    /**
     * Sets the embedding row of every vocabulary word that has a vector (others keep their random U[-0.25, 0.25]
     * row). Each vector is rescaled to the length a random row has on average, 0.25 sqrt(d / 3), so that the
     * convolutions' initial weights suit both kinds of rows. Returns how many rows were set.
     */
    public int initialise(ComputationGraph net, Vocabulary vocabulary) {
        INDArray table = net.getLayer(KimCnn.EMBEDDING).getParam("W");
        if (table.columns() != dimensions()) {
            throw new IllegalArgumentException("the network's embeddings have " + table.columns() + " dimensions, the word vectors " + dimensions());
        }
        double length = 0.25 * Math.sqrt(dimensions() / 3.0);
        int set = 0;
        for (int row = Vocabulary.UNK + 1; row < vocabulary.size(); row++) {
            INDArray v = vector(vocabulary.word(row));
            if (v == null) continue;
            double norm = v.norm2Number().doubleValue();
            if (norm == 0) continue;
            table.getRow(row).assign(v.mul(length / norm));
            set++;
        }
        return set;
    }
}
