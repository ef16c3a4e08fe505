package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains Kim's CNN on labelled sentences: shuffled mini-batches (Kim: 50), Adam, a number of epochs; accuracy is the
 * share of sentences whose more probable class is their label. With {@code keepBest} the weights of the epoch that did
 * best on the check sentences are kept (early stopping, as Kim on SST-2's dev set): only for a check set that is not
 * the one the model is scored on.
 */
public final class TextTraining {
    /**
     * Epochs (at most, with {@code keepBest}), mini-batch, seed, learning rate, embedding size, early stopping on the
     * check set, how many times an epoch the check set is scored (the best of those points is kept), and the graph's
     * {@link KimCnn.Options} besides the learning rate: optimiser, embeddings (non-static or static), dropout on them.
     */
    public record Settings(int epochs, int batch, long seed, double learningRate, int dimensions, boolean keepBest,
                           KimCnn.Optimizer optimizer, int checksPerEpoch, KimCnn.Embeddings embeddings, double embeddingDropout) {
        public Settings {
            if (checksPerEpoch < 1) throw new IllegalArgumentException("checks per epoch must be at least 1, not " + checksPerEpoch);
            if (embeddingDropout < 0 || embeddingDropout >= 1) throw new IllegalArgumentException("embedding dropout must be in [0, 1), not " + embeddingDropout);
        }

        /** Adam, one check per epoch, fine-tuned embeddings without dropout. */
        public Settings(int epochs, int batch, long seed, double learningRate, int dimensions, boolean keepBest) {
            this(epochs, batch, seed, learningRate, dimensions, keepBest, KimCnn.Optimizer.ADAM, 1, KimCnn.Embeddings.NON_STATIC, 0);
        }

        public KimCnn.Options network() {
            return new KimCnn.Options(optimizer, learningRate, embeddings, embeddingDropout);
        }
    }

    private final Settings settings;
    private final PrintStream log;
    private double keptEpoch;

    public TextTraining(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public ComputationGraph train(List<Sentence> sentences, Vocabulary vocabulary, List<Sentence> check) {
        ComputationGraph net = KimCnn.create(vocabulary.size(), settings.dimensions(), settings.seed(), settings.network());
        return train(net, sentences, vocabulary, check);
    }

    /** Trains {@code net} further (e.g. one whose embeddings were set from word vectors). */
    public ComputationGraph train(ComputationGraph net, List<Sentence> sentences, Vocabulary vocabulary, List<Sentence> check) {
        Random rng = new Random(settings.seed());
        List<Sentence> order = new ArrayList<>(sentences);
        boolean checking = check != null && !check.isEmpty();
        INDArray best = null;
        double bestAccuracy = -1, bestAt = 0;
        int batches = (order.size() + settings.batch() - 1) / settings.batch();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long t0 = System.nanoTime();
            Collections.shuffle(order, rng);
            double loss = 0;
            int done = 0, nextCheck = 1;
            for (int from = 0; from < order.size(); from += settings.batch()) {
                List<Sentence> b = order.subList(from, Math.min(order.size(), from + settings.batch()));
                net.fit(batch(b, vocabulary));
                loss += net.score();
                done++;
                // check points split the epoch's batches evenly; the last is the epoch's end
                boolean checkPoint = done == batches || (checking && settings.keepBest() && done * settings.checksPerEpoch() >= nextCheck * batches);
                if (!checkPoint) continue;
                double at = epoch - 1 + (double) done / batches;
                nextCheck++;
                double a = checking ? accuracy(net, vocabulary, check) : Double.NaN;
                String accuracy = checking ? String.format(java.util.Locale.ROOT, ", accuracy %.4f on %d", a, check.size()) : "";
                log.printf(java.util.Locale.ROOT, "epoch %s: loss %.4f%s, %.0f s%n", epochs(at), loss / done, accuracy, (System.nanoTime() - t0) / 1e9);
                if (settings.keepBest() && checking && a > bestAccuracy) {
                    bestAccuracy = a;
                    bestAt = at;
                    best = net.params().dup();
                }
            }
        }
        keptEpoch = best != null ? bestAt : settings.epochs();
        if (best != null) {
            net.setParams(best);
            log.printf(java.util.Locale.ROOT, "kept epoch %s (accuracy %.4f on the %d check sentences)%n", epochs(bestAt), bestAccuracy, check.size());
        }
        return net;
    }

    /** A point in training as epochs done: "5", or "4.75" for a check within an epoch. */
    public static String epochs(double at) {
        return java.math.BigDecimal.valueOf(Math.round(at * 100) / 100.0).stripTrailingZeros().toPlainString();
    }

    /** The epoch whose weights the last {@link #train} returned. */
    public double keptEpoch() {
        return keptEpoch;
    }

    static MultiDataSet batch(List<Sentence> sentences, Vocabulary vocabulary) {
        TokenBatch e = TokenBatch.of(sentences.stream().map(Sentence::tokens).toList(), vocabulary);
        INDArray labels = Nd4j.zeros(sentences.size(), KimCnn.CLASSES);
        for (int i = 0; i < sentences.size(); i++) labels.putScalar(i, sentences.get(i).label(), 1);
        return new MultiDataSet(new INDArray[] {e.tokens()}, new INDArray[] {labels}, new INDArray[] {e.mask()}, null);
    }

    /** Share of {@code sentences} classified as labelled, 100 per forward pass. */
    public static double accuracy(ComputationGraph net, Vocabulary vocabulary, List<Sentence> sentences) {
        int right = 0;
        for (int from = 0; from < sentences.size(); from += 100) {
            List<Sentence> b = sentences.subList(from, Math.min(sentences.size(), from + 100));
            TokenBatch e = TokenBatch.of(b.stream().map(Sentence::tokens).toList(), vocabulary);
            INDArray out = net.output(false, new INDArray[] {e.tokens()}, new INDArray[] {e.mask()})[0];
            for (int i = 0; i < b.size(); i++) {
                int predicted = out.getDouble(i, 1) > out.getDouble(i, 0) ? 1 : 0;
                if (predicted == b.get(i).label()) right++;
            }
        }
        return (double) right / Math.max(1, sentences.size());
    }
}
