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
    /** Epochs (at most, with {@code keepBest}), mini-batch, seed, learning rate, embedding size, early stopping on the check set. */
    public record Settings(int epochs, int batch, long seed, double learningRate, int dimensions, boolean keepBest) { }

    private final Settings settings;
    private final PrintStream log;
    private int keptEpoch;

    public TextTraining(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public ComputationGraph train(List<Sentence> sentences, Vocabulary vocabulary, List<Sentence> check) {
        ComputationGraph net = KimCnn.create(vocabulary.size(), settings.dimensions(), settings.seed(), settings.learningRate());
        return train(net, sentences, vocabulary, check);
    }

    /** Trains {@code net} further (e.g. one whose embeddings were set from word vectors). */
    public ComputationGraph train(ComputationGraph net, List<Sentence> sentences, Vocabulary vocabulary, List<Sentence> check) {
        Random rng = new Random(settings.seed());
        List<Sentence> order = new ArrayList<>(sentences);
        boolean checking = check != null && !check.isEmpty();
        INDArray best = null;
        double bestAccuracy = -1;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long t0 = System.nanoTime();
            Collections.shuffle(order, rng);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < order.size(); from += settings.batch()) {
                List<Sentence> b = order.subList(from, Math.min(order.size(), from + settings.batch()));
                net.fit(batch(b, vocabulary));
                loss += net.score();
                batches++;
            }
            double a = checking ? accuracy(net, vocabulary, check) : Double.NaN;
            String accuracy = checking ? String.format(java.util.Locale.ROOT, ", accuracy %.4f on %d", a, check.size()) : "";
            log.printf(java.util.Locale.ROOT, "epoch %d: loss %.4f%s, %.0f s%n", epoch, loss / batches, accuracy, (System.nanoTime() - t0) / 1e9);
            if (settings.keepBest() && checking && a > bestAccuracy) {
                bestAccuracy = a;
                bestEpoch = epoch;
                best = net.params().dup();
            }
        }
        keptEpoch = best != null ? bestEpoch : settings.epochs();
        if (best != null) {
            net.setParams(best);
            log.printf(java.util.Locale.ROOT, "kept epoch %d (accuracy %.4f on the %d check sentences)%n", bestEpoch, bestAccuracy, check.size());
        }
        return net;
    }

    /** The epoch whose weights the last {@link #train} returned. */
    public int keptEpoch() {
        return keptEpoch;
    }

    static MultiDataSet batch(List<Sentence> sentences, Vocabulary vocabulary) {
        Encoded e = Encoded.of(sentences.stream().map(Sentence::tokens).toList(), vocabulary);
        INDArray labels = Nd4j.zeros(sentences.size(), KimCnn.CLASSES);
        for (int i = 0; i < sentences.size(); i++) labels.putScalar(i, sentences.get(i).label(), 1);
        return new MultiDataSet(new INDArray[] {e.tokens()}, new INDArray[] {labels}, new INDArray[] {e.mask()}, null);
    }

    /** Share of {@code sentences} classified as labelled, 100 per forward pass. */
    public static double accuracy(ComputationGraph net, Vocabulary vocabulary, List<Sentence> sentences) {
        int right = 0;
        for (int from = 0; from < sentences.size(); from += 100) {
            List<Sentence> b = sentences.subList(from, Math.min(sentences.size(), from + 100));
            Encoded e = Encoded.of(b.stream().map(Sentence::tokens).toList(), vocabulary);
            INDArray out = net.output(false, new INDArray[] {e.tokens()}, new INDArray[] {e.mask()})[0];
            for (int i = 0; i < b.size(); i++) {
                int predicted = out.getDouble(i, 1) > out.getDouble(i, 0) ? 1 : 0;
                if (predicted == b.get(i).label()) right++;
            }
        }
        return (double) right / Math.max(1, sentences.size());
    }
}
