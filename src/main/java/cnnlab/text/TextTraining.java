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
 * Trains Kim's CNN on labelled sentences: shuffled mini-batches (Kim: 50), Adam, a fixed number of epochs; accuracy
 * is the share of sentences whose more probable class is their label.
 */
public final class TextTraining {
    /** Epochs, mini-batch, seed, learning rate, embedding size. */
    public record Settings(int epochs, int batch, long seed, double learningRate, int dimensions) { }

    private final Settings settings;
    private final PrintStream log;

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
            String accuracy = check == null || check.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", accuracy %.4f on %d",
                    accuracy(net, vocabulary, check), check.size());
            log.printf(java.util.Locale.ROOT, "epoch %d: loss %.4f%s, %.0f s%n", epoch, loss / batches, accuracy, (System.nanoTime() - t0) / 1e9);
        }
        return net;
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
